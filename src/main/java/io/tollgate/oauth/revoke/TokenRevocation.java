package io.tollgate.oauth.revoke;

import io.tollgate.oauth.event.FamilyRevoked;
import io.tollgate.oauth.event.ProtocolEventPublisher;
import io.tollgate.oauth.event.TokenRevoked;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.store.TokenStore;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.oauth.token.TokenService;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * RFC 7009 token revocation. The answer is the same whatever happens (§2.2: unknown, already revoked and
 * another client's tokens all get 200), so a client learns nothing about tokens it does not own.
 */
public record TokenRevocation(TokenStore store, TokenService tokens, ProtocolEventPublisher events, Clock clock) {

    /** What this call did; only tests and logs look at it, the client always sees 200. */
    public enum Outcome { REVOKED_ACCESS_TOKEN, REVOKED_REFRESH_TOKEN, NOT_FOUND, NOT_OWNED }

    /**
     * @param hint token_type_hint; "refresh_token" looks there first. Any other value, known or not, is ignored
     *             rather than answered with unsupported_token_type: §2.1 lets a server ignore the hint and
     *             requires it to search every type anyway, and both types are supported.
     */
    public Outcome revoke(Client client, String token, String hint) {
        String hash = TokenHasher.sha256Hex(token);
        if ("refresh_token".equals(hint)) {
            return revokeRefresh(client, hash).or(() -> revokeAccess(client, hash)).orElse(Outcome.NOT_FOUND);
        }
        return revokeAccess(client, hash).or(() -> revokeRefresh(client, hash)).orElse(Outcome.NOT_FOUND);
    }

    private Optional<Outcome> revokeAccess(Client client, String hash) {
        return store.findAccessToken(hash).map(token -> {
            if (!ownedBy(token.clientDbId(), client)) {
                return Outcome.NOT_OWNED;
            }
            // §2.1 lets the refresh token live on: a client dropping one access token keeps its grant.
            Instant now = clock.instant();
            if (store.revokeAccessToken(token.id(), now)) {
                events.publish(new TokenRevoked(now, TokenRevoked.Kind.ACCESS_TOKEN, TokenRevoked.Reason.CLIENT_REQUEST,
                        hash, token.clientDbId(), token.userId(), token.familyId()));
            }
            return Outcome.REVOKED_ACCESS_TOKEN;
        });
    }

    private Optional<Outcome> revokeRefresh(Client client, String hash) {
        return store.findRefreshToken(hash).map(token -> {
            if (!ownedBy(token.clientDbId(), client)) {
                return Outcome.NOT_OWNED;
            }
            // The whole grant (family) goes, as §2.1 asks for access tokens "based on the same authorization grant".
            tokens.revokeFamily(token.familyId(), FamilyRevoked.Reason.CLIENT_REQUEST);
            return Outcome.REVOKED_REFRESH_TOKEN;
        });
    }

    private static boolean ownedBy(long clientDbId, Client client) {
        return clientDbId == client.id();
    }
}
