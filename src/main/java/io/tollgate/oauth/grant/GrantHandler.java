package io.tollgate.oauth.grant;

import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.TokenResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One grant type: its token-endpoint logic, and everything other parts need to know about it. The registered
 * handlers ({@link GrantHandlers}) are the one source for the metadata document, the registration rules, the
 * refresh rule and the pages, so a new grant is a new handler plus one registration line.
 */
public interface GrantHandler {

    GrantType grantType();

    /**
     * Validates the grant-specific parameters and issues tokens, or throws OAuthException. The client is already
     * authenticated and allowed this grant.
     */
    TokenResponse handle(Client client, TokenParameters params);

    /** Whether this grant hands out refresh tokens; a client allowed it may then also use the refresh grant. */
    default boolean issuesRefreshTokens() {
        return false;
    }

    /**
     * The label on the application pages; empty when the grant is not chosen there (the refresh grant comes
     * with the grants that issue refresh tokens).
     */
    default Optional<String> label() {
        return Optional.empty();
    }

    /**
     * RFC 8414 members this grant adds to the metadata document (e.g. an endpoint), keyed by wire name.
     *
     * @param endpointBase the origin endpoints live on (the issuer without its path, see Issuer.endpointBase)
     */
    default Map<String, Object> metadata(String endpointBase) {
        return Map.of();
    }

    /** The error codes this grant answers beyond RFC 6749 §5.2's, from the {@link OAuthError} catalogue. */
    default Set<OAuthError> errorCodes() {
        return Set.of();
    }

    /**
     * What keeps a client of this type with these redirect URIs from registering this grant; empty when it
     * may. Each problem names the registration field it belongs to.
     */
    default List<RegistrationProblem> registrationProblems(ClientType type, List<String> redirectUris) {
        return List.of();
    }

    /** A registration rule a grant adds, e.g. {@code redirect_uris}: "needs at least one redirect URI". */
    record RegistrationProblem(String field, String message) {
    }
}
