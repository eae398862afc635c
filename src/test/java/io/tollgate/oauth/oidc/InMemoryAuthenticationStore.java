package io.tollgate.oauth.oidc;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The sign-in facts port in memory. */
public final class InMemoryAuthenticationStore implements AuthenticationStore {
    private final Map<String, Authentication> rows = new LinkedHashMap<>();
    private final Map<String, Instant> stored = new LinkedHashMap<>();

    @Override
    public synchronized void save(Authentication authentication, Instant at) {
        if (rows.putIfAbsent(authentication.familyId(), authentication) != null) {
            throw new IllegalStateException("family already recorded");
        }
        stored.put(authentication.familyId(), at);
    }

    @Override
    public synchronized Optional<Authentication> find(String familyId) {
        return Optional.ofNullable(rows.get(familyId));
    }

    @Override
    public synchronized int deleteStoredBefore(Instant cutoff) {
        int before = rows.size();
        stored.entrySet().removeIf(e -> {
            boolean old = e.getValue().isBefore(cutoff);
            if (old) {
                rows.remove(e.getKey());
            }
            return old;
        });
        return before - rows.size();
    }
}
