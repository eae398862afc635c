package io.tollgate.oauth.introspect;

import io.tollgate.oauth.event.ProtocolEventPublisher;
import io.tollgate.oauth.event.TokenIntrospected;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.resource.AccessTokenValidator;
import io.tollgate.oauth.model.ResourceOwner;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.oauth.store.ResourceOwnerAuthenticator;
import io.tollgate.oauth.store.TokenStore;
import io.tollgate.oauth.token.TokenHasher;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * RFC 7662 token introspection. An access token is active exactly when the resource server's own check accepts
 * it, because it is that check ({@link AccessTokenValidator}); a refresh token when it is known, not expired,
 * not revoked and its user (if any) still active. Unknown, dead and foreign tokens all get {"active": false}.
 *
 * @param events told who asked and whether the answer was active ({@link TokenIntrospected})
 */
public record TokenIntrospection(AccessTokenValidator accessTokens, TokenStore tokens, ClientStore clients,
                                 ResourceOwnerAuthenticator owners, Clock clock, ProtocolEventPublisher events) {

    public static final String ACCESS_TOKEN_TYPE = "Bearer";
    public static final String REFRESH_TOKEN_TYPE = "refresh_token";

    public TokenIntrospection(AccessTokenValidator accessTokens, TokenStore tokens, ClientStore clients,
                              ResourceOwnerAuthenticator owners, Clock clock) {
        this(accessTokens, tokens, clients, owners, clock, ProtocolEventPublisher.NONE);
    }

    /** @param hint token_type_hint; only orders the lookups (§2.1), unknown values are ignored */
    public Introspection introspect(IntrospectionCaller caller, String token, String hint) {
        // The refresh token's hash is taken only when that lookup runs: an access token found first needs none.
        Optional<Introspection> found = REFRESH_TOKEN_TYPE.equals(hint)
                ? refresh(caller, token).or(() -> access(caller, token))
                : access(caller, token).or(() -> refresh(caller, token));
        Introspection answer = found.orElse(Introspection.inactive());
        events.publish(new TokenIntrospected(clock.instant(),
                caller.seesAllTokens() ? null : caller.client().clientId(), answer.active()));
        return answer;
    }

    private Optional<Introspection> access(IntrospectionCaller caller, String token) {
        return accessTokens.claims(token).map(claims -> caller.maySee(claims.clientDbId())
                ? new Introspection(true, claims.scope().asString(), claims.clientId(), claims.username(),
                        ACCESS_TOKEN_TYPE, claims.expires().getEpochSecond(),
                        claims.issuedAt() == null ? null : claims.issuedAt().getEpochSecond(),
                        claims.userId() == null ? claims.clientId() : Long.toString(claims.userId()))
                : Introspection.inactive());
    }

    private Optional<Introspection> refresh(IntrospectionCaller caller, String presented) {
        return tokens.findRefreshToken(TokenHasher.sha256Hex(presented)).map(token -> {
            if (!caller.maySee(token.clientDbId()) || !token.isActive(clock)) {
                return Introspection.inactive();
            }
            Optional<String> clientId = clients.findById(token.clientDbId()).map(Client::clientId);
            if (clientId.isEmpty()) {
                return Introspection.inactive();
            }
            return describe(token.userId(), clientId.get(), token.scope(), REFRESH_TOKEN_TYPE, token.expires(),
                    token.created());
        });
    }

    private Introspection describe(Long userId, String clientId, ScopeSet scope, String type, Instant expires,
                                   Instant issued) {
        String username = null;
        if (userId != null) {
            Optional<ResourceOwner> owner = owners.findActive(userId);
            if (owner.isEmpty()) {
                // The API refuses a deactivated user's tokens; introspection must not call them active.
                return Introspection.inactive();
            }
            username = owner.get().username();
        }
        return new Introspection(true, scope.asString(), clientId, username, type,
                expires == null ? null : expires.getEpochSecond(), issued.getEpochSecond(),
                userId == null ? clientId : Long.toString(userId));
    }
}
