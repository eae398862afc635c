package io.tollgate.oauth.token;

import io.tollgate.oauth.model.Client;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registered access-token formats; a client's token settings pick one by name, opaque by default. */
public final class AccessTokenFormats {
    private final Map<String, AccessTokenFormat> byName = new LinkedHashMap<>();

    public AccessTokenFormats(List<AccessTokenFormat> formats) {
        for (AccessTokenFormat format : formats) {
            if (byName.put(format.name(), format) != null) {
                throw new IllegalArgumentException("Two access-token formats named " + format.name());
            }
        }
        if (!byName.containsKey(OpaqueAccessTokenFormat.NAME)) {
            throw new IllegalArgumentException("The opaque format is the default and must be registered");
        }
    }

    public static AccessTokenFormats opaque(TokenGenerator generator) {
        return new AccessTokenFormats(List.of(new OpaqueAccessTokenFormat(generator)));
    }

    /** The client's chosen format; a name no format has falls back to opaque rather than failing the grant. */
    public AccessTokenFormat forClient(Client client) {
        return byName.getOrDefault(client.tokenSettings().accessTokenFormat(),
                byName.get(OpaqueAccessTokenFormat.NAME));
    }

    /** Every format, opaque last: it takes any string, so the others must get their chance first. */
    public List<AccessTokenFormat> verificationOrder() {
        List<AccessTokenFormat> ordered = new ArrayList<>();
        byName.values().stream().filter(f -> !f.name().equals(OpaqueAccessTokenFormat.NAME)).forEach(ordered::add);
        ordered.add(byName.get(OpaqueAccessTokenFormat.NAME));
        return List.copyOf(ordered);
    }

    /** Every format's name, opaque (the default) first. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(OpaqueAccessTokenFormat.NAME);
        byName.keySet().stream().filter(name -> !name.equals(OpaqueAccessTokenFormat.NAME)).forEach(names::add);
        return List.copyOf(names);
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }
}
