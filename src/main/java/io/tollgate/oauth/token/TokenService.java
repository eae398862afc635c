package io.tollgate.oauth.token;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.AccessToken;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.IssuedIds;
import io.tollgate.oauth.model.NewAccessToken;
import io.tollgate.oauth.model.NewRefreshToken;
import io.tollgate.oauth.model.RefreshToken;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.store.TokenStore;
import java.time.Clock;
import java.time.Duration;
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
    private final Duration reuseGrace;
    private final SuccessorSeal seal;

    public TokenService(TokenStore store, TokenGenerator generator, TokenSettings settings, Clock clock) {
        this(store, generator, settings, clock, Duration.ZERO, new SuccessorSeal());
    }

    /**
     * @param reuseGrace how long the immediately previous refresh token may be presented again and get the same
     *                   pair back (a client that lost the response); zero keeps no seal at all
     */
    public TokenService(TokenStore store, TokenGenerator generator, TokenSettings settings, Clock clock,
                        Duration reuseGrace, SuccessorSeal seal) {
        this.store = Objects.requireNonNull(store, "store");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reuseGrace = Objects.requireNonNull(reuseGrace, "reuseGrace");
        this.seal = Objects.requireNonNull(seal, "seal");
        if (reuseGrace.isNegative()) {
            throw new IllegalArgumentException("reuseGrace must not be negative");
        }
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
        return response(access, refresh, scope, settings.accessTokenLifetime().toSeconds());
    }

    /** Rotation without a presented plaintext: no seal is kept, so no replay is possible. */
    public TokenResponse rotate(Client client, RefreshToken old, ScopeSet accessScope) {
        return rotate(client, old, null, accessScope);
    }

    /**
     * Rotates {@code old}: a new access token for {@code accessScope} and a new refresh token that keeps the
     * original grant's scope, in the same family. Losing the race is handled as a rotated token coming back
     * ({@link #replayOrRevoke}): the winner's pair within the grace, else the family is revoked.
     *
     * @param presented the old refresh token's plaintext, the key to its successor seal; nullable
     */
    public TokenResponse rotate(Client client, RefreshToken old, String presented, ScopeSet accessScope) {
        Instant now = clock.instant();
        String access = generator.generate();
        String refresh = generator.generate();
        String sealed = graceEnabled() && presented != null
                ? seal.seal(presented, new SuccessorSeal.Successor(access, refresh, accessScope))
                : null;
        Optional<IssuedIds> ids = store.rotate(old.id(), now,
                newAccess(client, old.userId(), accessScope, access, now, old.familyId()),
                newRefresh(client, old.userId(), old.scope(), refresh, now, old.familyId()), sealed);
        if (ids.isEmpty()) {
            // The store's conditional update only loses after the winner committed, so its seal is readable now.
            return replayOrRevoke(old, presented);
        }
        return response(access, refresh, accessScope, settings.accessTokenLifetime().toSeconds());
    }

    /**
     * An already rotated refresh token was presented. Within the reuse grace, and only for the immediately
     * previous token whose successor pair is still live, that same pair is returned; anything else is reuse
     * (RFC 9700 §4.14.2): two parties hold the token, so the whole family is revoked and the request fails.
     */
    public TokenResponse replayOrRevoke(RefreshToken old, String presented) {
        Instant now = clock.instant();
        Optional<TokenResponse> replay = replay(old, presented, now);
        if (replay.isPresent()) {
            return replay.get();
        }
        store.revokeFamily(old.familyId(), now);
        throw OAuthException.invalidGrant(RefreshTokenErrors.INVALID);
    }

    private Optional<TokenResponse> replay(RefreshToken old, String presented, Instant now) {
        if (!graceEnabled() || presented == null) {
            return Optional.empty();
        }
        return store.findSealedSuccessor(old.id())
                .filter(sealed -> now.isBefore(sealed.rotated().plus(reuseGrace)))
                .flatMap(sealed -> seal.open(presented, sealed.sealed()))
                .flatMap(successor -> stillLive(successor, now));
    }

    /** The successor is handed out again only while both its tokens are untouched by any revocation. */
    private Optional<TokenResponse> stillLive(SuccessorSeal.Successor successor, Instant now) {
        Optional<RefreshToken> refresh = store.findRefreshToken(TokenHasher.sha256Hex(successor.refreshToken()))
                .filter(token -> token.isActive(clock));
        Optional<AccessToken> access = store.findAccessToken(TokenHasher.sha256Hex(successor.accessToken()))
                .filter(token -> token.isActive(clock));
        if (refresh.isEmpty() || access.isEmpty()) {
            return Optional.empty();
        }
        long remaining = Math.max(1, Duration.between(now, access.get().expires()).toSeconds());
        return Optional.of(response(successor.accessToken(), successor.refreshToken(), successor.scope(), remaining));
    }

    private boolean graceEnabled() {
        return !reuseGrace.isZero();
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

    private static TokenResponse response(String access, String refresh, ScopeSet scope, long expiresIn) {
        return new TokenResponse(access, TokenResponse.BEARER, expiresIn, refresh, scope);
    }
}
