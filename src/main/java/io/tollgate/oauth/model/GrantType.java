package io.tollgate.oauth.model;

import java.util.List;
import java.util.Objects;

/**
 * A grant type as it travels: its RFC 6749 name or extension URI (RFC 6749 §4.5). A value, not an enum, so a new
 * grant is a new handler and nothing else; whether a server supports it is the handler registry's business.
 *
 * @param wireName exactly as sent in {@code grant_type} and listed in the metadata, case-sensitive
 */
public record GrantType(String wireName) {

    public static final GrantType AUTHORIZATION_CODE = new GrantType("authorization_code");
    public static final GrantType PASSWORD = new GrantType("password");
    public static final GrantType CLIENT_CREDENTIALS = new GrantType("client_credentials");
    public static final GrantType REFRESH_TOKEN = new GrantType("refresh_token");
    /** RFC 8628 §3.4. */
    public static final GrantType DEVICE_CODE = new GrantType("urn:ietf:params:oauth:grant-type:device_code");

    /** RFC 6749's own grants, in the order the reference lists them. */
    public static final List<GrantType> RFC_6749 = List.of(AUTHORIZATION_CODE, PASSWORD, CLIENT_CREDENTIALS,
            REFRESH_TOKEN);

    private static final String URN_PREFIX = "urn:ietf:params:oauth:grant-type:";

    public GrantType {
        Objects.requireNonNull(wireName, "wireName");
        if (wireName.isBlank() || !wireName.equals(wireName.strip())) {
            throw new IllegalArgumentException("A grant type is a non-blank name without surrounding spaces");
        }
    }

    /** Any grant_type value; a name nobody registered is still a GrantType, just one without a handler. */
    public static GrantType of(String wireName) {
        return new GrantType(wireName);
    }

    /**
     * The name an operator types: the wire name, or for an IETF URN its last segment
     * ({@code device_code} for {@code urn:ietf:params:oauth:grant-type:device_code}).
     */
    public String shortName() {
        return wireName.startsWith(URN_PREFIX) ? wireName.substring(URN_PREFIX.length()) : wireName;
    }

    /** True if {@code name} is this grant's wire name or short name (command-line and form input). */
    public boolean isNamed(String name) {
        return wireName.equals(name) || shortName().equals(name);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
