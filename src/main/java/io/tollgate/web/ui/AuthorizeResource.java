package io.tollgate.web.ui;

import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.Issuer;
import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.oidc.OidcAuthorization;
import io.tollgate.oauth.oidc.OidcRequestParameters;
import io.tollgate.oauth.oidc.OidcScopes;
import io.tollgate.oauth.oidc.SignInDecision;
import io.tollgate.oauth.authorize.AuthorizationCodeIssuer;
import io.tollgate.oauth.authorize.AuthorizationRequest;
import io.tollgate.oauth.authorize.AuthorizationRequestValidator;
import io.tollgate.oauth.authorize.AuthorizationResponse;
import io.tollgate.oauth.authorize.AuthorizationResponses;
import io.tollgate.oauth.authorize.AuthorizationValidation;
import io.tollgate.oauth.authorize.AuthorizationValidation.ErrorPage;
import io.tollgate.oauth.authorize.AuthorizationValidation.RedirectError;
import io.tollgate.oauth.authorize.AuthorizationValidation.Valid;
import io.tollgate.oauth.authorize.ConsentPolicy;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.users.session.SignedInUser;
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
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** RFC 6749 §4.1 authorization endpoint (code flow with PKCE); the protocol decisions live in oauth.authorize. */
@Path("/o/authorize/")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public record AuthorizeResource(AuthorizationRequestValidator validator, ConsentPolicy consent,
                                AuthorizationCodeIssuer codes, ScopeRegistry scopes, Issuer issuer,
                                OidcAuthorization oidc) {
    private static final Set<String> NOT_OAUTH = Set.of(Pages.CSRF_FIELD, "decision");

    @GET
    public Response authorize(@Context ContainerRequestContext request) {
        PageContext page = PageContext.of(request);
        UriInfo uri = request.getUriInfo();
        if (holdsControlCharacters(uri.getQueryParameters())) {
            return controlCharactersPage(page);
        }
        AuthorizationValidation result = validator.validate(uri.getQueryParameters());
        if (!(result instanceof Valid valid)) {
            return refuse(page, request, result, 302);
        }
        AuthorizationRequest authorization = valid.request();
        OidcRequestParameters openId;
        try {
            openId = oidc.parameters(authorization.scope(), authorization.client().clientId(),
                    uri.getQueryParameters()::getFirst);
        } catch (OAuthException e) {
            return redirectError(request, 302, authorization, e.error(), e.description());
        }
        Instant signedInAt = page.user().map(user -> user.signedInAt() == null ? Instant.EPOCH : user.signedInAt())
                .orElse(null);
        SignInDecision signIn = oidc.signIn(openId, signedInAt, page.user().map(SignedInUser::userId).orElse(null),
                authorization.client().clientId());
        if (signIn == SignInDecision.LOGIN_REQUIRED || signIn == SignInDecision.ACCOUNT_MISMATCH) {
            return redirectError(request, 302, authorization, "login_required", "The user must sign in.");
        }
        if (signIn == SignInDecision.SIGN_IN) {
            // Back here after signing in, without prompt and max_age: the fresh session satisfies both.
            return Pages.toLogin(OidcLoginRedirect.next(uri.getRequestUri()), page.user().isPresent(),
                    openId.loginHint());
        }
        SignedInUser user = page.user().get();
        boolean remembered = !consent.mustAsk(authorization, user.userId());
        if (oidc.consentRequired(openId, !remembered)) {
            return redirectError(request, 302, authorization, "consent_required", "The user must consent.");
        }
        if (!oidc.mustAskConsent(openId, !remembered)) {
            return respond(request, page, 302, responses(request).success(authorization,
                    issueCode(authorization, user, openId)));
        }
        request.setProperty(PageFilter.EXTRA_FORM_ACTION, formActionSource(authorization.redirectUri()));
        return Pages.html(200, new ConsentView(page, authorization,
                OidcScopes.forConsent(scopes.describe(authorization.scope())), openId.nonce()));
    }

    /** The code, with the OpenID Connect sign-in facts of its grant family kept first (for an openid request). */
    private String issueCode(AuthorizationRequest authorization, SignedInUser user, OidcRequestParameters openId) {
        return codes.issue(authorization, user.userId(), oidc.signInRecorder(authorization.scope(),
                user.signedInAt(), user.sessionId(), openId.nonce()));
    }

    private Response redirectError(ContainerRequestContext request, int status, AuthorizationRequest authorization,
                                   String error, String description) {
        return respond(request, PageContext.of(request), status, responses(request).error(new RedirectError(
                authorization.redirectUri(), error, description, authorization.state(), authorization.responseMode())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        return Pages.consentAnswer(request, form, "Start again from the application.", (page, user) -> {
            if (holdsControlCharacters(form)) {
                return controlCharactersPage(page);
            }
            MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
            form.forEach((name, values) -> {
                if (!NOT_OAUTH.contains(name)) {
                    params.put(name, values);
                }
            });
            AuthorizationValidation result = validator.validate(params);
            if (!(result instanceof Valid valid)) {
                return refuse(page, request, result, 303);
            }
            AuthorizationRequest authorization = valid.request();
            if (!"allow".equals(form.getFirst("decision"))) {
                return respond(request, page, 303, responses(request).error(new RedirectError(
                        authorization.redirectUri(), OAuthError.ACCESS_DENIED.code(), "The user denied the request.",
                        authorization.state(), authorization.responseMode())));
            }
            OidcRequestParameters openId;
            try {
                openId = oidc.parameters(authorization.scope(), authorization.client().clientId(), form::getFirst);
            } catch (OAuthException e) {
                return redirectError(request, 303, authorization, e.error(), e.description());
            }
            consent.remember(authorization, user.userId());
            return respond(request, page, 303, responses(request).success(authorization,
                    issueCode(authorization, user, openId)));
        });
    }

    /**
     * No authorization parameter (client_id, redirect_uri, scope, state, PKCE) can hold a control character, and
     * a NUL would fail in PostgreSQL: refused with the error page before anything is looked up, never redirected.
     */
    private static boolean holdsControlCharacters(MultivaluedMap<String, String> params) {
        return params.entrySet().stream().anyMatch(entry -> hasControl(entry.getKey())
                || entry.getValue().stream().anyMatch(AuthorizeResource::hasControl));
    }

    private static boolean hasControl(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }

    private static Response controlCharactersPage(PageContext page) {
        return Pages.html(400, new MessageView(page, "Authorization failed",
                "The request holds characters that no authorization parameter can hold."));
    }

    private Response refuse(PageContext page, ContainerRequestContext request, AuthorizationValidation result,
                            int status) {
        if (result instanceof ErrorPage error) {
            return Pages.html(400, new MessageView(page, "Authorization failed", error.message()));
        }
        return respond(request, page, status, responses(request).error((RedirectError) result));
    }

    /**
     * The response in its mode: a redirect for query and fragment; for form_post a page whose form the browser
     * posts to the redirect URI (by a script file when scripts run, by its Continue button otherwise). Its CSP
     * lets that one form reach that one URI and allows no script but this server's own file.
     */
    private static Response respond(ContainerRequestContext request, PageContext page, int redirectStatus,
                                    AuthorizationResponse response) {
        if (response.redirects()) {
            return redirect(redirectStatus, response.location());
        }
        request.setProperty(PageFilter.FORM_POST_TARGET, FormPostView.formActionSource(response.redirectUri()));
        return Pages.html(200, new FormPostView(page, response));
    }

    private AuthorizationResponses responses(ContainerRequestContext request) {
        return new AuthorizationResponses(issuer.resolve(request.getUriInfo().getBaseUri()));
    }

    private static Response redirect(int status, String location) {
        return Response.status(status).location(URI.create(location)).build();
    }

    /** The CSP source that lets the consent form's redirect reach the client: its origin, or its private scheme. */
    static String formActionSource(String redirectUri) {
        URI uri = URI.create(redirectUri);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawAuthority() == null) {
            return scheme + ":";
        }
        return scheme + "://" + uri.getRawAuthority();
    }
}
