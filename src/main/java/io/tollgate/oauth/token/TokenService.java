package io.tollgate.oauth.token;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.event.FamilyRevoked;
import io.tollgate.oauth.event.ProtocolEventPublisher;
import io.tollgate.oauth.event.TokenIssued;
import io.tollgate.oauth.event.TokenRevoked;
import io.tollgate.oauth.model.GrantType;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and rotates token pairs: the access token comes from the client's {@link AccessTokenFormat}, the refresh
 * token is opaque; plaintext goes to the client once, only SHA-256 hashes reach the store. Every issue, rotation
 * and reuse revocation is published as a protocol event.
 */
public final class TokenService {

    private final TokenStore store;
    private final TokenGenerator generator;
    private final TokenSettings settings;
    private final Clock clock;
    private final Duration reuseGrace;
    private final SuccessorSeal seal;
    private final AccessTokenFormats formats;
    private final List<TokenResponseContributor> contributors;
    private final ProtocolEventPublisher events;

    /** Opaque tokens, no reuse grace, no contributors, no events: for unit tests of a single rule. */
    public TokenService(TokenStore store, TokenGenerator generator, TokenSettings settings, Clock clock) {
        this(store, generator, settings, clock, Duration.ZERO, new SuccessorSeal(),
                AccessTokenFormats.opaque(generator), List.of(), ProtocolEventPublisher.NONE);
    }

    /**
     * @param reuseGrace how long the immediately previous refresh token may be presented again and get the same
     *                   pair back (a client that lost the response); zero keeps no seal at all
     */
    public TokenService(TokenStore store, TokenGenerator generator, TokenSettings settings, Clock clock,
                        Duration reuseGrace, SuccessorSeal seal, AccessTokenFormats formats,
                        List<TokenResponseContributor> contributors, ProtocolEventPublisher events) {
        this.store = Objects.requireNonNull(store, "store");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reuseGrace = Objects.requireNonNull(reuseGrace, "reuseGrace");
        this.seal = Objects.requireNonNull(seal, "seal");
        this.formats = Objects.requireNonNull(formats, "formats");
        this.contributors = List.copyOf(contributors);
        this.events = Objects.requireNonNull(events, "events");
        if (reuseGrace.isNegative()) {
            throw new IllegalArgumentException("reuseGrace must not be negative");
        }
    }

    /** Issues an access token and, when {@code withRefreshToken}, a refresh token for the same scope. */
    public TokenResponse issue(TokenContext requested, boolean withRefreshToken) {
        TokenContext context = requested.familyId() == null
                ? requested.withFamily(UUID.randomUUID().toString()) : requested;
        Instant now = clock.instant();
        Duration lifetime = accessLifetime(context.client());
        MintedAccessToken access = formats.forClient(context.client()).mint(context, now, now.plus(lifetime));
        String refresh = withRefreshToken ? generator.generate() : null;
        store.save(newAccess(context, access, now),
                refresh == null ? null : newRefresh(context, context.scope(), refresh, now));
        events.publish(new TokenIssued(now, context.client().clientId(), context.userId(),
                context.grantType().wireName(), context.familyId(), access.hash(), refresh != null, context.scope()));
        return contribute(context, response(access.value(), refresh, context.scope(), lifetime.toSeconds()));
    }

    /**
     * Rotates {@code old}: a new access token for {@code accessScope} and a new refresh token that keeps the
     * original grant's scope, in the same family. Losing the race is handled as a rotated token coming back
     * ({@link #replayOrRevoke}): the winner's pair within the grace, else the family is revoked.
     *
     * @param presented the old refresh token's plaintext, the key to its successor seal
     */
    public TokenResponse rotate(Client client, RefreshToken old, String presented, ScopeSet accessScope) {
        Objects.requireNonNull(presented, "presented");
        Instant now = clock.instant();
        TokenContext context = TokenContext.of(client, old.userId(), accessScope, GrantType.REFRESH_TOKEN)
                .withFamily(old.familyId());
        Duration lifetime = accessLifetime(client);
        MintedAccessToken access = formats.forClient(client).mint(context, now, now.plus(lifetime));
        String refresh = generator.generate();
        String sealed = graceEnabled()
                ? seal.seal(presented, new SuccessorSeal.Successor(access.value(), refresh, accessScope))
                : null;
        Optional<IssuedIds> ids = store.rotate(old.id(), now, newAccess(context, access, now),
                newRefresh(context, old.scope(), refresh, now), sealed);
        if (ids.isEmpty()) {
            // The store's conditional update only loses after the winner committed, so its seal is readable now.
            return replayOrRevoke(client, old, presented);
        }
        events.publish(new TokenRevoked(now, TokenRevoked.Kind.REFRESH_TOKEN, TokenRevoked.Reason.ROTATED,
                old.tokenHash(), old.clientDbId(), old.userId(), old.familyId()));
        events.publish(new TokenIssued(now, client.clientId(), old.userId(), GrantType.REFRESH_TOKEN.wireName(),
                old.familyId(), access.hash(), true, accessScope));
        return contribute(context, response(access.value(), refresh, accessScope, lifetime.toSeconds()));
    }

    /**
     * An already rotated refresh token was presented. Within the reuse grace, and only for the immediately
     * previous token whose successor pair is still live, that same pair is returned; anything else is reuse
     * (RFC 9700 §4.14.2): two parties hold the token, so the whole family is revoked and the request fails.
     */
    public TokenResponse replayOrRevoke(Client client, RefreshToken old, String presented) {
        Instant now = clock.instant();
        Optional<TokenResponse> replay = replay(client, old, presented, now);
        if (replay.isPresent()) {
            return replay.get();
        }
        revokeFamily(old.familyId(), FamilyRevoked.Reason.REFRESH_TOKEN_REUSED);
        throw OAuthException.invalidGrant(RefreshTokenErrors.INVALID);
    }

    /** Revokes every token of the grant family and says so; returns how many tokens changed. */
    public int revokeFamily(String familyId, FamilyRevoked.Reason reason) {
        Instant now = clock.instant();
        int revoked = store.revokeFamily(familyId, now);
        events.publish(new FamilyRevoked(now, familyId, reason));
        return revoked;
    }

    /**
     * The same pair again, with the same contributed members the first answer had (an ID token for an OpenID
     * Connect grant: a fresh one for the same access token, same sub, auth_time and sid), so a client that lost
     * the first answer gets everything it would have got.
     */
    private Optional<TokenResponse> replay(Client client, RefreshToken old, String presented, Instant now) {
        if (!graceEnabled() || presented == null) {
            return Optional.empty();
        }
        return store.findSealedSuccessor(old.id())
                .filter(sealed -> now.isBefore(sealed.rotated().plus(reuseGrace)))
                .flatMap(sealed -> seal.open(presented, sealed.sealed()))
                .flatMap(successor -> stillLive(successor, now)
                        .map(response -> contribute(TokenContext.of(client, old.userId(), successor.scope(),
                                GrantType.REFRESH_TOKEN).withFamily(old.familyId()), response)));
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

    private Duration accessLifetime(Client client) {
        Duration own = client.tokenSettings().accessTokenLifetime();
        return own != null ? own : settings.accessTokenLifetime();
    }

    private Optional<Duration> refreshLifetime(Client client) {
        Duration own = client.tokenSettings().refreshTokenLifetime();
        return Optional.ofNullable(own != null ? own : settings.refreshTokenLifetime());
    }

    private TokenResponse contribute(TokenContext context, TokenResponse response) {
        TokenResponse result = response;
        for (TokenResponseContributor contributor : contributors) {
            result = result.with(contributor.additionalMembers(context, result));
        }
        return result;
    }

    private NewAccessToken newAccess(TokenContext context, MintedAccessToken token, Instant now) {
        Client client = context.client();
        return new NewAccessToken(token.hash(), client.id(), client.clientId(), context.userId(), context.scope(), now,
                now.plus(accessLifetime(client)), context.familyId());
    }

    private NewRefreshToken newRefresh(TokenContext context, ScopeSet scope, String token, Instant now) {
        Instant expires = refreshLifetime(context.client()).map(now::plus).orElse(null);
        return new NewRefreshToken(TokenHasher.sha256Hex(token), context.client().id(), context.userId(), scope, now,
                expires, context.familyId());
    }

    private static TokenResponse response(String access, String refresh, ScopeSet scope, long expiresIn) {
        return new TokenResponse(access, TokenResponse.BEARER, expiresIn, refresh, scope);
    }
}
