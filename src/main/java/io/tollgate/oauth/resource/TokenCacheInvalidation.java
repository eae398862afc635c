package io.tollgate.oauth.resource;

import io.tollgate.oauth.event.AuthorizationRevoked;
import io.tollgate.oauth.event.ClientDeleted;
import io.tollgate.oauth.event.FamilyRevoked;
import io.tollgate.oauth.event.ProtocolEvent;
import io.tollgate.oauth.event.ProtocolEventListener;
import io.tollgate.oauth.event.TokenRevoked;
import io.tollgate.oauth.event.UserChanged;
import io.tollgate.oauth.event.UserDeactivated;
import io.tollgate.oauth.event.UserDeleted;
import java.util.Objects;

/**
 * The one listener that keeps this node's token cache coherent: whatever the core revokes, deletes or changes
 * is dropped from the cache at once, so this node refuses it immediately; other nodes follow within the
 * cache's staleness bound (or at once, with a cross-node listener replaying events there).
 */
public final class TokenCacheInvalidation implements ProtocolEventListener {
    private final CachingAccessTokenLookup cache;

    public TokenCacheInvalidation(CachingAccessTokenLookup cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public void on(ProtocolEvent event) {
        if (event instanceof TokenRevoked revoked) {
            // A refresh token takes the access tokens issued with it along; they share its family.
            if (revoked.kind() == TokenRevoked.Kind.REFRESH_TOKEN) {
                cache.forgetFamily(revoked.familyId());
            } else {
                cache.forgetToken(revoked.tokenHash());
            }
        } else if (event instanceof FamilyRevoked family) {
            cache.forgetFamily(family.familyId());
        } else if (event instanceof AuthorizationRevoked withdrawn) {
            cache.forgetUser(withdrawn.userId());
        } else if (event instanceof ClientDeleted deleted) {
            cache.forgetClient(deleted.clientDbId());
        } else if (event instanceof UserChanged changed) {
            // The cached claims carry the user's roles and active flag.
            cache.forgetUser(changed.userId());
        } else if (event instanceof UserDeactivated deactivated) {
            cache.forgetUser(deactivated.userId());
        } else if (event instanceof UserDeleted deleted) {
            cache.forgetUser(deleted.userId());
        }
        // TokenIssued, CodeReplayed (its tokens go with FamilyRevoked), ClientChanged (a client's settings are not
        // part of its tokens' claims) and LoginFailed change nothing cached.
    }
}
