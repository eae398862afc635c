package io.tollgate.oauth.introspect;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ResourceOwner;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.oauth.store.ResourceOwnerAuthenticator;
import io.tollgate.oauth.store.TokenStore;
import io.tollgate.oauth.token.TokenHasher;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * RFC 7662 token introspection. A token is active exactly when the resource server's own check would accept
 * it: known, not expired, not revoked, and its user (if any) still active. Unknown, dead and foreign tokens all
 * get the same {"active": false}.
 */
public final class TokenIntrospection {

    public static final String ACCESS_TOKEN_TYPE = "Bearer";
    public static final String REFRESH_TOKEN_TYPE = "refresh_token";

    private final TokenStore tokens;
    private final ClientStore clients;
    private final ResourceOwnerAuthenticator owners;
    private final Clock clock;

    public TokenIntrospection(TokenStore tokens, ClientStore clients, ResourceOwnerAuthenticator owners, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.owners = Objects.requireNonNull(owners, "owners");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param hint token_type_hint; only orders the lookups (§2.1), unknown values are ignored */
    public Introspection introspect(IntrospectionCaller caller, String token, String hint) {
        String hash = TokenHasher.sha256Hex(token);
        Optional<Introspection> found = REFRESH_TOKEN_TYPE.equals(hint)
                ? refresh(caller, hash).or(() -> access(caller, hash))
                : access(caller, hash).or(() -> refresh(caller, hash));
        return found.orElse(Introspection.inactive());
    }

    private Optional<Introspection> access(IntrospectionCaller caller, String hash) {
        return tokens.findAccessToken(hash).map(token -> {
            if (!caller.maySee(token.clientDbId()) || !token.isActive(clock)) {
                return Introspection.inactive();
            }
            return describe(token.userId(), token.clientId(), token.scope(), ACCESS_TOKEN_TYPE, token.expires(),
                    token.created());
        });
    }

    private Optional<Introspection> refresh(IntrospectionCaller caller, String hash) {
        return tokens.findRefreshToken(hash).map(token -> {
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
