package io.tollgate.ops.djangoimport;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.ScopeSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * DOT scope strings in Tollgate's normal form. A deployment has a handful of distinct scope strings and a million
 * tokens, so each is parsed once; the cache stops growing at a fixed size to keep the import's memory bounded.
 */
final class ScopeCache {
    private static final int MAX_ENTRIES = 10_000;
    private final Map<String, Optional<String>> normalised = new HashMap<>();

    /** The scope as Tollgate writes it, or null when it is malformed. */
    String normalise(String scope) {
        Optional<String> known = normalised.get(scope);
        if (known == null) {
            known = parse(scope);
            if (normalised.size() < MAX_ENTRIES) {
                normalised.put(scope, known);
            }
        }
        return known.orElse(null);
    }

    private static Optional<String> parse(String scope) {
        try {
            return Optional.of(ScopeSet.parse(scope).asString());
        } catch (OAuthException malformed) {
            return Optional.empty();
        }
    }
}
