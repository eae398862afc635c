package io.tollgate.oauth.store;

import io.tollgate.oauth.model.AccessToken;
import io.tollgate.oauth.model.IssuedIds;
import io.tollgate.oauth.model.NewAccessToken;
import io.tollgate.oauth.model.NewRefreshToken;
import io.tollgate.oauth.model.RefreshToken;
import io.tollgate.oauth.model.SealedSuccessor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test fake of {@link TokenStore}; one lock gives every method the atomicity a database transaction would. */
public final class InMemoryTokenStore implements TokenStore {

    private final Map<Long, AccessToken> access = new LinkedHashMap<>();
    private final Map<Long, RefreshToken> refresh = new LinkedHashMap<>();
    private final Map<Long, SealedSuccessor> seals = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public synchronized IssuedIds save(NewAccessToken newAccess, NewRefreshToken newRefresh) {
        Long refreshId = null;
        if (newRefresh != null) {
            refreshId = nextId++;
            refresh.put(refreshId, new RefreshToken(refreshId, newRefresh.tokenHash(), newRefresh.clientDbId(),
                    newRefresh.userId(), newRefresh.scope(), newRefresh.created(), newRefresh.expires(), null,
                    newRefresh.familyId()));
        }
        long accessId = nextId++;
        access.put(accessId, new AccessToken(accessId, newAccess.tokenHash(), newAccess.clientDbId(),
                newAccess.clientId(), newAccess.userId(), newAccess.scope(), newAccess.created(), newAccess.expires(),
                null, refreshId, newAccess.familyId()));
        return new IssuedIds(accessId, refreshId);
    }

    @Override
    public synchronized Optional<IssuedIds> rotate(long oldRefreshTokenId, Instant at, NewAccessToken newAccess,
                                                   NewRefreshToken newRefresh, String sealedSuccessor) {
        if (!revokeRefreshToken(oldRefreshTokenId, at)) {
            return Optional.empty();
        }
        dropSeals(newRefresh.familyId());
        if (sealedSuccessor != null) {
            seals.put(oldRefreshTokenId, new SealedSuccessor(sealedSuccessor, at));
        }
        return Optional.of(save(newAccess, newRefresh));
    }

    @Override
    public synchronized Optional<SealedSuccessor> findSealedSuccessor(long refreshTokenId) {
        return Optional.ofNullable(seals.get(refreshTokenId));
    }

    private void dropSeals(String familyId) {
        refresh.values().stream().filter(t -> t.familyId().equals(familyId))
                .forEach(t -> seals.remove(t.id()));
    }

    @Override
    public synchronized Optional<AccessToken> findAccessToken(String tokenHash) {
        return access.values().stream().filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public synchronized Optional<RefreshToken> findRefreshToken(String tokenHash) {
        return refresh.values().stream().filter(t -> t.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public synchronized boolean revokeRefreshToken(long refreshTokenId, Instant at) {
        RefreshToken token = refresh.get(refreshTokenId);
        if (token == null || token.revoked() != null) {
            return false;
        }
        refresh.put(refreshTokenId, revoked(token, at));
        for (AccessToken a : List.copyOf(access.values())) {
            if (a.refreshTokenId() != null && a.refreshTokenId() == refreshTokenId && a.revoked() == null) {
                access.put(a.id(), revoked(a, at));
            }
        }
        return true;
    }

    @Override
    public synchronized boolean revokeAccessToken(long accessTokenId, Instant at) {
        AccessToken token = access.get(accessTokenId);
        if (token == null || token.revoked() != null) {
            return false;
        }
        access.put(accessTokenId, revoked(token, at));
        return true;
    }

    @Override
    public synchronized int revokeFamily(String familyId, Instant at) {
        int changed = 0;
        for (AccessToken a : List.copyOf(access.values())) {
            if (a.familyId().equals(familyId) && a.revoked() == null) {
                access.put(a.id(), revoked(a, at));
                changed++;
            }
        }
        for (RefreshToken r : List.copyOf(refresh.values())) {
            if (r.familyId().equals(familyId) && r.revoked() == null) {
                refresh.put(r.id(), revoked(r, at));
                changed++;
            }
        }
        dropSeals(familyId);
        return changed;
    }

    /** Removes up to {@code limit} access tokens matching {@code dead}; returns how many went. */
    public synchronized int deleteAccessTokens(java.util.function.Predicate<AccessToken> dead, int limit) {
        List<Long> ids = access.values().stream().filter(dead).limit(limit).map(AccessToken::id).toList();
        ids.forEach(access::remove);
        return ids.size();
    }

    /** Removes up to {@code limit} refresh tokens matching {@code dead} that no access token refers to. */
    public synchronized int deleteRefreshTokens(java.util.function.Predicate<RefreshToken> dead, int limit) {
        List<Long> ids = refresh.values().stream().filter(dead)
                .filter(r -> access.values().stream().noneMatch(a -> Long.valueOf(r.id()).equals(a.refreshTokenId())))
                .limit(limit).map(RefreshToken::id).toList();
        ids.forEach(id -> {
            refresh.remove(id);
            seals.remove(id);
        });
        return ids.size();
    }

    /** Snapshot for assertions. */
    public synchronized List<AccessToken> accessTokens() {
        return new ArrayList<>(access.values());
    }

    /** Snapshot for assertions. */
    public synchronized List<RefreshToken> refreshTokens() {
        return new ArrayList<>(refresh.values());
    }

    private static AccessToken revoked(AccessToken t, Instant at) {
        return new AccessToken(t.id(), t.tokenHash(), t.clientDbId(), t.clientId(), t.userId(), t.scope(),
                t.created(), t.expires(), at, t.refreshTokenId(), t.familyId());
    }

    private static RefreshToken revoked(RefreshToken t, Instant at) {
        return new RefreshToken(t.id(), t.tokenHash(), t.clientDbId(), t.userId(), t.scope(), t.created(),
                t.expires(), at, t.familyId());
    }
}
