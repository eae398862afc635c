package io.tollgate.oauth.token;

import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ScopeSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a grant decided about the tokens it is about to get, handed to the access-token format and to the
 * response contributors (an ID token later needs the nonce and the authentication time).
 *
 * @param userId   the subject; null for a client acting for itself (client_credentials)
 * @param familyId the grant family the tokens join; null starts a new one (a code passes its own, so that a
 *                 replay can revoke what it yielded)
 * @param authTime nullable: when the user last authenticated, if the grant knows
 * @param nonce    nullable: the authorization request's nonce (OpenID Connect)
 */
public record TokenContext(Client client, Long userId, ScopeSet scope, GrantType grantType, String familyId,
                           Instant authTime, String nonce) {

    public TokenContext {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(grantType, "grantType");
    }

    public static TokenContext of(Client client, Long userId, ScopeSet scope, GrantType grantType) {
        return new TokenContext(client, userId, scope, grantType, null, null, null);
    }

    public TokenContext withFamily(String family) {
        return new TokenContext(client, userId, scope, grantType, family, authTime, nonce);
    }

    public TokenContext withAuthTime(Instant time) {
        return new TokenContext(client, userId, scope, grantType, familyId, time, nonce);
    }

    public TokenContext withNonce(String value) {
        return new TokenContext(client, userId, scope, grantType, familyId, authTime, value);
    }

    public TokenContext withScope(ScopeSet narrowed) {
        return new TokenContext(client, userId, narrowed, grantType, familyId, authTime, nonce);
    }

    public Optional<Long> subject() {
        return Optional.ofNullable(userId);
    }

    @Override
    public String toString() {
        // The nonce is the client's, not a secret of ours, but logs have no use for it.
        return "TokenContext[client=" + client.clientId() + ", user=" + userId + ", scope=" + scope.asString()
                + ", grant=" + grantType.wireName() + ", family=" + familyId + "]";
    }
}
