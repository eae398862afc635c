package io.tollgate.oauth.token;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.IssuedIds;
import io.tollgate.oauth.model.NewAccessToken;
import io.tollgate.oauth.model.NewRefreshToken;
import io.tollgate.oauth.model.RefreshToken;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.store.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Mints token pairs: plaintext goes to the client once, only SHA-256 hashes reach the store. */
public final class TokenService {

    private final TokenStore store;
    private final TokenGenerator generator;
    private final TokenSettings settings;
    private final Clock clock;

    public TokenService(TokenStore store, TokenGenerator generator, TokenSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Issues an access token and optionally a refresh token for the same scope.
     *
     * @param userId   null for client_credentials
     * @param familyId null starts a new family; a code passes its own so a replay can revoke what it yielded
     */
    public TokenResponse issue(Client client, Long userId, ScopeSet scope, boolean withRefreshToken, String familyId) {
        String family = familyId == null ? UUID.randomUUID().toString() : familyId;
        Instant now = clock.instant();
        String access = generator.generate();
        String refresh = withRefreshToken ? generator.generate() : null;
        store.save(newAccess(client, userId, scope, access, now, family),
                refresh == null ? null : newRefresh(client, userId, scope, refresh, now, family));
        return response(access, refresh, scope);
    }

    /**
     * Rotates {@code old}: a new access token for {@code accessScope} and a new refresh token that keeps the
     * original grant's scope, in the same family. Losing the race, or presenting an already rotated token, is
     * treated as reuse (RFC 9700 §4.14.2): the whole family is revoked.
     */
    public TokenResponse rotate(Client client, RefreshToken old, ScopeSet accessScope) {
        Instant now = clock.instant();
        String access = generator.generate();
        String refresh = generator.generate();
        Optional<IssuedIds> ids = store.rotate(old.id(), now,
                newAccess(client, old.userId(), accessScope, access, now, old.familyId()),
                newRefresh(client, old.userId(), old.scope(), refresh, now, old.familyId()));
        if (ids.isEmpty()) {
            store.revokeFamily(old.familyId(), now);
            throw OAuthException.invalidGrant(RefreshTokenErrors.INVALID);
        }
        return response(access, refresh, accessScope);
    }

    private NewAccessToken newAccess(Client client, Long userId, ScopeSet scope, String token, Instant now,
                                     String family) {
        return new NewAccessToken(TokenHasher.sha256Hex(token), client.id(), client.clientId(), userId, scope, now,
                now.plus(settings.accessTokenLifetime()), family);
    }

    private NewRefreshToken newRefresh(Client client, Long userId, ScopeSet scope, String token, Instant now,
                                       String family) {
        Instant expires = settings.refreshTokenLifetime() == null ? null : now.plus(settings.refreshTokenLifetime());
        return new NewRefreshToken(TokenHasher.sha256Hex(token), client.id(), userId, scope, now, expires, family);
    }

    private TokenResponse response(String access, String refresh, ScopeSet scope) {
        return new TokenResponse(access, TokenResponse.BEARER, settings.accessTokenLifetime().toSeconds(), refresh,
                scope);
    }
}
