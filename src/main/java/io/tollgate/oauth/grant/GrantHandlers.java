package io.tollgate.oauth.grant;

import io.tollgate.oauth.OAuthError;
import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.TokenResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registered grant handlers, in registration order: routes a token request to its handler after the
 * generic checks, and answers for every other part what the handlers declare (grant names, the refresh rule,
 * labels, metadata members, registration rules, error codes).
 */
public final class GrantHandlers {

    private final Map<GrantType, GrantHandler> handlers;

    public GrantHandlers(List<GrantHandler> handlers) {
        Map<GrantType, GrantHandler> map = new LinkedHashMap<>();
        for (GrantHandler handler : handlers) {
            if (map.put(handler.grantType(), handler) != null) {
                throw new IllegalArgumentException("Two handlers for " + handler.grantType().wireName());
            }
        }
        this.handlers = java.util.Collections.unmodifiableMap(map);
    }

    /** The grant types with a handler, in registration order (the metadata document lists them so). */
    public List<GrantType> grantTypes() {
        return List.copyOf(handlers.keySet());
    }

    public List<GrantHandler> handlers() {
        return List.copyOf(handlers.values());
    }

    public Optional<GrantHandler> handler(GrantType type) {
        return Optional.ofNullable(handlers.get(type));
    }

    /** The registered grant an operator or a form names, by wire name or short name. */
    public Optional<GrantType> byName(String name) {
        return handlers.keySet().stream().filter(type -> type.isNamed(name)).findFirst();
    }

    /**
     * Whether the client may use this grant: it was registered for it, or it is the refresh grant and the client
     * has a grant that issues refresh tokens (as DOT does, or the tutorial's password-only application could
     * never use the refresh token it is given).
     */
    public boolean allows(Client client, GrantType type) {
        if (client.allowsGrant(type)) {
            return true;
        }
        return type.equals(GrantType.REFRESH_TOKEN) && client.grantTypes().stream()
                .map(handlers::get)
                .anyMatch(handler -> handler != null && handler.issuesRefreshTokens());
    }

    public TokenResponse dispatch(Client client, TokenParameters params) {
        GrantType type = GrantType.of(params.required("grant_type"));
        GrantHandler handler = handlers.get(type);
        if (handler == null) {
            throw OAuthException.unsupportedGrantType("Unsupported grant type.");
        }
        if (!allows(client, type)) {
            throw OAuthException.unauthorizedClient("Client is not authorized to use this grant type.");
        }
        return handler.handle(client, params);
    }

    /** The grants offered on the application pages, with their labels, in registration order. */
    public Map<GrantType, String> labels() {
        Map<GrantType, String> labels = new LinkedHashMap<>();
        handlers.values().forEach(handler -> handler.label()
                .ifPresent(label -> labels.put(handler.grantType(), label)));
        return labels;
    }

    /** What the handlers add to the RFC 8414 document, in registration order. */
    public Map<String, Object> metadata(String issuer) {
        Map<String, Object> members = new LinkedHashMap<>();
        handlers.values().forEach(handler -> members.putAll(handler.metadata(issuer)));
        return members;
    }

    /** Every error code a registered grant may answer beyond RFC 6749 §5.2's. */
    public Set<OAuthError> errorCodes() {
        Set<OAuthError> codes = new LinkedHashSet<>();
        handlers.values().forEach(handler -> codes.addAll(handler.errorCodes()));
        return codes;
    }

    /** The registration rules of the requested grants: unknown grants, and what each handler requires. */
    public List<GrantHandler.RegistrationProblem> registrationProblems(Set<GrantType> requested, ClientType type,
                                                                      List<String> redirectUris) {
        List<GrantHandler.RegistrationProblem> problems = new ArrayList<>();
        for (GrantType grant : requested) {
            GrantHandler handler = handlers.get(grant);
            if (handler == null) {
                problems.add(new GrantHandler.RegistrationProblem("grant_types",
                        "Unknown grant type: " + grant.wireName() + "."));
            } else if (type != null) {
                problems.addAll(handler.registrationProblems(type, redirectUris));
            }
        }
        return problems;
    }
}
