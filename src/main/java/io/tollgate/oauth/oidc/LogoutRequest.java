package io.tollgate.oauth.oidc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parameters of an RP-Initiated Logout request (§2), each sent at most once; an empty value counts as absent.
 * {@code ui_locales} and {@code logout_hint} are accepted and ignored (one language, one account per session).
 *
 * @param idTokenHint           nullable
 * @param clientId              nullable
 * @param postLogoutRedirectUri nullable
 * @param state                 nullable
 */
public record LogoutRequest(String idTokenHint, String clientId, String postLogoutRedirectUri, String state) {
    /** Each parameter's longest acceptable value: generous for real use, small enough to refuse abuse. */
    static final Map<String, Integer> LIMITS = Map.of(
            "id_token_hint", 8192,
            "client_id", 100,
            "post_logout_redirect_uri", 2000,
            "state", 2000,
            "ui_locales", 200,
            "logout_hint", 512);

    /**
     * @param values every value the request carries for a parameter (query or form), empty when absent
     * @param names  every parameter name the request carries
     * @return the request, or why it is refused (a message safe to show)
     */
    public static Parsed parse(Function<String, List<String>> values, Iterable<String> names) {
        for (String name : names) {
            if (hasControl(name)) {
                return refused("The request holds characters that no logout parameter can hold.");
            }
            for (String value : values.apply(name)) {
                if (hasControl(value)) {
                    return refused("The request holds characters that no logout parameter can hold.");
                }
            }
        }
        for (Map.Entry<String, Integer> limit : LIMITS.entrySet()) {
            List<String> given = values.apply(limit.getKey());
            if (given.size() > 1) {
                return refused("The " + limit.getKey() + " parameter is repeated.");
            }
            if (!given.isEmpty() && given.get(0).length() > limit.getValue()) {
                return refused("The " + limit.getKey() + " parameter is too long.");
            }
        }
        return new Parsed(Optional.of(new LogoutRequest(single(values, "id_token_hint"), single(values, "client_id"),
                single(values, "post_logout_redirect_uri"), single(values, "state"))), null);
    }

    /** Either the request or the refusal. */
    public record Parsed(Optional<LogoutRequest> request, String refusal) {
    }

    private static Parsed refused(String message) {
        return new Parsed(Optional.empty(), message);
    }

    private static String single(Function<String, List<String>> values, String name) {
        List<String> given = values.apply(name);
        return given.isEmpty() || given.get(0).isEmpty() ? null : given.get(0);
    }

    /** No logout parameter holds a control character; PostgreSQL could not even look a NUL up. */
    private static boolean hasControl(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }
}
