package io.tollgate.web.security;

import io.dropwizard.auth.Authorizer;
import io.tollgate.web.errors.WebApplicationExceptionMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides {@code @RolesAllowed} by the token's scopes (see {@link ScopePolicy}). On refusal it leaves the
 * scopes that were needed on the request, so the 403 can name them in its insufficient_scope challenge.
 */
public class ScopeAuthorizer implements Authorizer<TokenPrincipal> {
    /** Parsed once per {@code @RolesAllowed} value: a handful of annotation constants, asked on every API request. */
    private final Map<String, ScopePolicy> policies = new ConcurrentHashMap<>();

    @Override
    public boolean authorize(TokenPrincipal principal, String role, ContainerRequestContext request) {
        String method = request == null ? "GET" : request.getMethod();
        ScopePolicy policy = policies.computeIfAbsent(role, ScopePolicy::parse);
        boolean allowed = policy.allows(principal, method);
        // A token without a user fails the user rule, not a scope rule: no insufficient_scope challenge then.
        if (!allowed && request != null && (principal.hasUser() || !policy.userRequired())) {
            request.setProperty(WebApplicationExceptionMapper.REQUIRED_SCOPES, policy.scopesFor(method));
        }
        return allowed;
    }
}
