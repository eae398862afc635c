package io.tollgate.oauth.authorize;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How the authorization response travels back to the client: OAuth 2.0 Multiple Response Type Encoding Practices
 * §2.1 ({@code query}, {@code fragment}) and OAuth 2.0 Form Post Response Mode ({@code form_post}). The code flow
 * defaults to {@code query}. The metadata documents list {@link #supported()}, so they cannot drift from this.
 */
public enum ResponseMode {
    QUERY("query"),
    FRAGMENT("fragment"),
    FORM_POST("form_post");

    private final String wireName;

    ResponseMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The response_mode value as sent; exact and case-sensitive, as every OAuth parameter value is. */
    public static Optional<ResponseMode> fromWireName(String value) {
        return Arrays.stream(values()).filter(mode -> mode.wireName.equals(value)).findFirst();
    }

    /** For {@code response_modes_supported}. */
    public static List<String> supported() {
        return Arrays.stream(values()).map(ResponseMode::wireName).toList();
    }
}
