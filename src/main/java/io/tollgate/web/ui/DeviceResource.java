package io.tollgate.web.ui;

import io.tollgate.oauth.device.DeviceCodeStatus;
import io.tollgate.oauth.device.DeviceVerification;
import io.tollgate.oauth.device.UserCodeCheck;
import io.tollgate.oauth.device.UserCodeCheck.Accepted;
import io.tollgate.oauth.device.UserCodeCheck.Decided;
import io.tollgate.oauth.device.UserCodeCheck.Refused;
import io.tollgate.oauth.device.UserCodeThrottle;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.token.TokenHasher;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The device flow's verification page (RFC 8628 §3.3): a signed-in person types the code their device shows,
 * then allows or denies on a consent page. GET only shows the form, prefilled from verification_uri_complete;
 * every step that looks a code up or changes anything is a POST with the CSRF token, like /o/authorize/.
 */
@Path("/o/device/")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public record DeviceResource(DeviceVerification verification, ScopeRegistry scopes) {
    private static final int MAX_SHOWN = 64;

    @GET
    public Response form(@QueryParam("user_code") String userCode, @Context ContainerRequestContext request) {
        PageContext page = PageContext.of(request);
        if (page.user().isEmpty()) {
            URI uri = request.getUriInfo().getRequestUri();
            return Pages.toLogin(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }
        return Pages.html(200, new DeviceCodeView(page, shown(userCode), null));
    }

    /** Without a decision: the code was typed, show its consent page. With one: the consent page was answered. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        return Pages.consentAnswer(request, form, "Sign in and enter the code again.", (page, user) -> {
            String typed = Pages.field(form, "user_code");
            UserCodeThrottle.Typist typist = new UserCodeThrottle.Typist(TokenHasher.sha256Hex(page.sessionCookie()),
                    user.userId());
            String decision = form.getFirst("decision");
            UserCodeCheck check = decision == null
                    ? verification.enter(typed, typist)
                    : verification.decide(typed, "allow".equals(decision), typist);
            if (check instanceof Accepted accepted) {
                return Pages.html(200, new DeviceConsentView(page, accepted,
                        io.tollgate.oauth.oidc.OidcScopes.forConsent(scopes.describe(accepted.code().scope()))));
            }
            if (check instanceof Decided decided) {
                return decided.status() == DeviceCodeStatus.APPROVED
                        ? Pages.html(200, new MessageView(page, "Device connected", decided.client().name()
                                + " can now act on your behalf. Return to your device: it continues by itself."))
                        : Pages.html(200, new MessageView(page, "Request denied", decided.client().name()
                                + " was not given access. You can close this page."));
            }
            Refused refused = (Refused) check;
            int status = refused.reason() == UserCodeCheck.Reason.THROTTLED ? 429 : 400;
            return Pages.html(status, new DeviceCodeView(page, shown(typed), refused.message()));
        });
    }

    /** What goes back into the form: never more than a code's worth of what was typed. */
    private static String shown(String typed) {
        if (typed == null) {
            return "";
        }
        String trimmed = typed.strip();
        return trimmed.length() > MAX_SHOWN || trimmed.indexOf('\0') >= 0 ? "" : trimmed;
    }
}
