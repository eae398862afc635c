package io.tollgate.web.ui;

import io.tollgate.oauth.oidc.EndSession;
import io.tollgate.oauth.oidc.EndSession.BrowserSession;
import io.tollgate.oauth.oidc.LogoutDecision;
import io.tollgate.oauth.oidc.LogoutDecision.Confirm;
import io.tollgate.oauth.oidc.LogoutDecision.LogoutOutcome;
import io.tollgate.oauth.oidc.LogoutDecision.Refused;
import io.tollgate.oauth.oidc.LogoutDecision.SignOut;
import io.tollgate.oauth.oidc.LogoutRequest;
import io.tollgate.users.session.SessionManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * OpenID Connect RP-Initiated Logout 1.0: {@code end_session_endpoint}, GET and form POST. The decisions live in
 * {@link EndSession}; this only reads the parameters and the session, shows the pages and ends the session.
 */
@Path("/o/logout/")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public record EndSessionResource(EndSession endSession, SessionManager sessions, Cookies cookies) {
    /** The confirmation page's button; with the CSRF token it marks the user's own answer. */
    static final String CONFIRM = "confirm";

    @GET
    public Response requested(@Context ContainerRequestContext request) {
        return decide(PageContext.of(request), request, request.getUriInfo().getQueryParameters(), false, 302);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response posted(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        PageContext page = PageContext.of(request);
        MultivaluedMap<String, String> body = form == null ? new MultivaluedHashMap<>() : form;
        if (!body.containsKey(CONFIRM) && !body.containsKey(Pages.CSRF_FIELD)) {
            // An application's form POST (§2 allows it). Cross-site, the browser withholds the session cookie.
            return decide(page, request, body, true, 303);
        }
        if (!Pages.csrfValid(page, body)) {
            return Pages.csrfFailure(page);
        }
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>(body);
        params.remove(Pages.CSRF_FIELD);
        params.remove(CONFIRM);
        LogoutRequest.Parsed parsed = LogoutRequest.parse(name -> values(params, name), params.keySet());
        if (parsed.request().isEmpty()) {
            return refused(page, parsed.refusal());
        }
        // The user answered on our page: checked again (hidden fields can be edited), then signed out either way.
        LogoutDecision decision = endSession.decide(parsed.request().get(), session(page), false);
        if (decision instanceof Refused refused) {
            return refused(page, refused.message());
        }
        LogoutOutcome outcome = decision instanceof Confirm confirm ? confirm.outcome()
                : ((SignOut) decision).outcome();
        return signOut(page, outcome, 303);
    }

    private Response decide(PageContext page, ContainerRequestContext request, MultivaluedMap<String, String> params,
                            boolean crossSitePost, int redirectStatus) {
        LogoutRequest.Parsed parsed = LogoutRequest.parse(name -> values(params, name), params.keySet());
        if (parsed.request().isEmpty()) {
            return refused(page, parsed.refusal());
        }
        LogoutDecision decision = endSession.decide(parsed.request().get(), session(page), crossSitePost);
        if (decision instanceof Refused refused) {
            return refused(page, refused.message());
        }
        if (decision instanceof Confirm confirm) {
            if (confirm.outcome().redirectUri() != null) {
                // Browsers hold the redirect that answers the form to form-action as well.
                request.setProperty(PageFilter.EXTRA_FORM_ACTION,
                        AuthorizeResource.formActionSource(confirm.outcome().redirectUri()));
            }
            return Pages.html(200, LogoutView.confirm(page, confirm.outcome(), parsed.request().get()));
        }
        return signOut(page, ((SignOut) decision).outcome(), redirectStatus);
    }

    /** Ends the browser session (server side and cookie), then the registered redirect or the signed-out page. */
    private Response signOut(PageContext page, LogoutOutcome outcome, int redirectStatus) {
        BrowserSession session = session(page);
        sessions.end(page.sessionCookie());
        if (session != null) {
            endSession.signedOut(session, outcome);
        }
        Response.ResponseBuilder response = outcome.redirectUri() != null
                ? Response.status(redirectStatus).location(URI.create(outcome.redirectUri()))
                : Response.fromResponse(Pages.html(200, LogoutView.signedOut(
                        new PageContext(Optional.empty(), null, page.csrfToken(), page.secure()), outcome)));
        if (page.sessionCookie() != null) {
            response.cookie(cookies.clearSession(page.secure()));
        }
        return response.build();
    }

    private static Response refused(PageContext page, String message) {
        return Pages.html(400, new MessageView(page, "Sign-out failed", message));
    }

    private static BrowserSession session(PageContext page) {
        return page.user().map(user -> new BrowserSession(user.userId(), user.sessionId())).orElse(null);
    }

    private static List<String> values(MultivaluedMap<String, String> params, String name) {
        List<String> values = params.get(name);
        return values == null ? List.of() : values;
    }
}
