package io.tollgate.oauth.oidc;

import io.tollgate.oauth.OAuthException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The OpenID Connect parameters of an authorization request (OIDC Core §3.1.2.1), parsed and checked. Anything
 * not implemented is refused by name rather than silently ignored, except ui_locales, which may be.
 *
 * @param maxAge    nullable: no limit on the session's age
 * @param nonce     nullable
 * @param loginHint nullable: prefills the username
 * @param idTokenHint nullable: a previously issued ID token naming the expected user
 */
public record OidcRequestParameters(Set<Prompt> prompt, Duration maxAge, String nonce, String loginHint,
                                    String idTokenHint) {
    /** OIDC Core §3.1.2.1 prompt values; select_account is treated as login (one account per session). */
    public enum Prompt {
        NONE, LOGIN, CONSENT, SELECT_ACCOUNT
    }

    public OidcRequestParameters {
        prompt = prompt.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(prompt));
    }

    /** Whether the user must sign in again whatever their session (prompt=login or select_account). */
    public boolean forcesLogin() {
        return prompt.contains(Prompt.LOGIN) || prompt.contains(Prompt.SELECT_ACCOUNT);
    }

    /**
     * @param parameter the request's single value of a parameter, or null when absent (duplicates were refused
     *                  before this)
     * @throws OAuthException invalid_request, request_not_supported or request_uri_not_supported, to be sent to
     *                        the client's redirect URI
     */
    public static OidcRequestParameters parse(Function<String, String> parameter) {
        if (parameter.apply("request") != null) {
            throw error("request_not_supported", "Request objects (the request parameter) are not supported.");
        }
        if (parameter.apply("request_uri") != null) {
            throw error("request_uri_not_supported", "The request_uri parameter is not supported.");
        }
        if (parameter.apply("registration") != null) {
            throw error("registration_not_supported", "The registration parameter is not supported.");
        }
        if (parameter.apply("claims") != null) {
            throw OAuthException.invalidRequest("The claims parameter is not supported; request claims by scope.");
        }
        return new OidcRequestParameters(prompt(parameter.apply("prompt")), maxAge(parameter.apply("max_age")),
                text(parameter.apply("nonce"), "nonce", Authentication.MAX_NONCE_LENGTH),
                text(parameter.apply("login_hint"), "login_hint", 150),
                text(parameter.apply("id_token_hint"), "id_token_hint", 8192));
    }

    private static Set<Prompt> prompt(String value) {
        if (value == null) {
            return Set.of();
        }
        EnumSet<Prompt> prompts = EnumSet.noneOf(Prompt.class);
        for (String word : value.split(" ", -1)) {
            try {
                prompts.add(Prompt.valueOf(word.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw OAuthException.invalidRequest("Unknown prompt value.");
            }
        }
        if (prompts.contains(Prompt.NONE) && prompts.size() > 1) {
            throw OAuthException.invalidRequest("prompt=none cannot be combined with other values.");
        }
        return prompts;
    }

    private static Duration maxAge(String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("[0-9]{1,9}")) {
            throw OAuthException.invalidRequest("max_age must be a non-negative number of seconds.");
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }

    /** Printable text only: a NUL or control character has no business in these, and PostgreSQL refuses NUL. */
    private static String text(String value, String name, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > maxLength || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw OAuthException.invalidRequest("Invalid " + name + ".");
        }
        return value;
    }

    private static OAuthException error(String code, String description) {
        return new OAuthException(code, description, 400, false);
    }
}
