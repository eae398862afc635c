package io.tollgate.oauth.scope;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ScopeSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The configured scopes (in configuration order) and the default granted when a request names none. */
public final class ScopeRegistry {

    static final String INVALID = "The requested scope is invalid, unknown, or not allowed for this client.";

    private final Map<String, String> descriptions;
    private final ScopeSet all;
    private final ScopeSet defaults;

    /** @param scopes ordered name -> human description; iteration order is kept */
    public ScopeRegistry(Map<String, String> scopes, ScopeSet defaults) {
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(defaults, "defaults");
        this.descriptions = Collections.unmodifiableMap(new LinkedHashMap<>(scopes));
        this.all = new ScopeSet(new ArrayList<>(scopes.keySet()));
        if (!all.containsAll(defaults)) {
            throw new IllegalArgumentException("Default scopes must be configured scopes: " + defaults);
        }
        this.defaults = defaults;
    }

    /** Every configured scope, in configuration order. */
    public ScopeSet all() {
        return all;
    }

    public ScopeSet defaults() {
        return defaults;
    }

    /**
     * The scope to grant: the defaults (narrowed to what the client may have) when {@code requested} is absent,
     * else exactly the requested scopes, each of which must be configured and allowed for the client.
     */
    public ScopeSet resolve(String requested, Client client) {
        ScopeSet allowed = client.allowedScopes() == null ? all : all.intersect(client.allowedScopes());
        ScopeSet result;
        if (requested == null || requested.isBlank()) {
            result = defaults.intersect(allowed);
        } else {
            result = ScopeSet.parse(requested);
            if (!allowed.containsAll(result)) {
                throw OAuthException.invalidScope(INVALID);
            }
        }
        if (result.isEmpty()) {
            throw OAuthException.invalidScope(INVALID);
        }
        return result;
    }

    /** Name -> description for each scope of {@code scope}, in its order; unknown names are skipped. */
    public Map<String, String> describe(ScopeSet scope) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : scope.scopes()) {
            String description = descriptions.get(name);
            if (description != null) {
                out.put(name, description);
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
