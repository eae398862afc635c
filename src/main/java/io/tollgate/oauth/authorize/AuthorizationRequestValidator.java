package io.tollgate.oauth.authorize;

import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.authorize.AuthorizationValidation.ErrorPage;
import io.tollgate.oauth.authorize.AuthorizationValidation.RedirectError;
import io.tollgate.oauth.authorize.AuthorizationValidation.Valid;
import io.tollgate.oauth.grant.Pkce;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.store.ClientStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3) in the order that decides where errors go:
 * first client_id and redirect_uri, whose failures are shown on a page, then everything else, whose failures are
 * redirected back with the client's state.
 */
public record AuthorizationRequestValidator(ClientStore clients, ScopeRegistry scopes, AuthorizeSettings settings) {
    static final String UNKNOWN_CLIENT = "The application asking for access is not registered here.";
    static final String BAD_REDIRECT = "The redirect_uri does not match any URI registered for this application.";
    static final String MISSING_REDIRECT = "The request has no redirect_uri.";

    /** @param params every query (or form) parameter with all its values, as received */
    public AuthorizationValidation validate(Map<String, List<String>> params) {
        if (count(params, "client_id") > 1) {
            return new ErrorPage("The request names more than one client_id.");
        }
        Optional<Client> found = single(params, "client_id").flatMap(clients::findByClientId);
        if (found.isEmpty()) {
            return new ErrorPage(UNKNOWN_CLIENT);
        }
        Client client = found.get();
        if (count(params, "redirect_uri") > 1) {
            return new ErrorPage("The request names more than one redirect_uri.");
        }
        // Required even with a single registered URI: the token endpoint insists on it, and OAuth 2.1 does too.
        Optional<String> redirectUri = single(params, "redirect_uri");
        if (redirectUri.isEmpty()) {
            return new ErrorPage(MISSING_REDIRECT);
        }
        if (!client.allowsRedirectUri(redirectUri.get())) {
            return new ErrorPage(BAD_REDIRECT);
        }
        // From here on the redirect target is trusted; state is echoed only if it was sent exactly once.
        String uri = redirectUri.get();
        String state = count(params, "state") == 1 ? params.get("state").get(0) : null;
        // Errors go back in the mode the request asked for, as soon as it named a valid one.
        Optional<String> modeSent = single(params, "response_mode");
        ResponseMode mode = modeSent.flatMap(ResponseMode::fromWireName).orElse(ResponseMode.QUERY);
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (param.getValue() != null && param.getValue().size() > 1) {
                return invalidRequest(uri, "The " + param.getKey() + " parameter is repeated.", state, mode);
            }
        }
        if (modeSent.isPresent() && ResponseMode.fromWireName(modeSent.get()).isEmpty()) {
            return invalidRequest(uri, "Unsupported response_mode; use query, fragment or form_post.", state, mode);
        }
        Optional<String> responseType = single(params, "response_type");
        if (responseType.isEmpty()) {
            return invalidRequest(uri, "The response_type parameter is missing.", state, mode);
        }
        if (!responseType.get().equals("code")) {
            // "token" (implicit) included: OAuth 2.1 and RFC 9700 §2.1.2 drop it.
            return new RedirectError(uri, OAuthError.UNSUPPORTED_RESPONSE_TYPE.code(),
                    "Only response_type=code is supported.", state, mode);
        }
        if (!client.allowsGrant(GrantType.AUTHORIZATION_CODE)) {
            return new RedirectError(uri, OAuthError.UNAUTHORIZED_CLIENT.code(),
                    "This application may not use the authorization code grant.", state, mode);
        }
        ScopeSet scope;
        try {
            scope = scopes.resolve(single(params, "scope").orElse(null), client);
        } catch (OAuthException e) {
            return new RedirectError(uri, e.error(), e.description(), state, mode);
        }
        return pkce(params, client, uri, scope, state, mode, modeSent.isPresent());
    }

    private AuthorizationValidation pkce(Map<String, List<String>> params, Client client, String uri,
                                         ScopeSet scope, String state, ResponseMode mode, boolean modeSent) {
        Optional<String> challenge = single(params, "code_challenge");
        Optional<String> method = single(params, "code_challenge_method");
        if (challenge.isEmpty()) {
            if (method.isPresent()) {
                return invalidRequest(uri, "code_challenge_method was sent without a code_challenge.", state, mode);
            }
            if (client.settings().requireProofKey()) {
                return invalidRequest(uri, client.isConfidential()
                        ? "This client must send a PKCE code_challenge (S256)."
                        : "Public clients must send a PKCE code_challenge (S256).", state, mode);
            }
            return new Valid(new AuthorizationRequest(client, uri, scope, state, null, null, mode, modeSent));
        }
        // RFC 7636 §4.3: an absent method means plain.
        String chosen = method.orElse(Pkce.PLAIN);
        if (!Pkce.isSupportedMethod(chosen)) {
            return invalidRequest(uri, "Unsupported code_challenge_method; use S256.", state, mode);
        }
        if (chosen.equals(Pkce.PLAIN) && !settings.allowPlainPkce()) {
            return invalidRequest(uri, "The plain code_challenge_method is not allowed; use S256.", state, mode);
        }
        if (!Pkce.isValidChallenge(challenge.get())) {
            return invalidRequest(uri, "The code_challenge is malformed.", state, mode);
        }
        return new Valid(new AuthorizationRequest(client, uri, scope, state, challenge.get(), chosen, mode,
                modeSent));
    }

    private static RedirectError invalidRequest(String uri, String description, String state, ResponseMode mode) {
        return new RedirectError(uri, OAuthError.INVALID_REQUEST.code(), description, state, mode);
    }

    private static int count(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null ? 0 : values.size();
    }

    /** The parameter's value if sent once and non-empty; RFC 6749 §3.1 treats empty values as omitted. */
    private static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.size() != 1 || values.get(0) == null || values.get(0).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(values.get(0));
    }
}
