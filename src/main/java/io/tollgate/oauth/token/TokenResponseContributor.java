package io.tollgate.oauth.token;

import io.tollgate.oauth.model.TokenResponse;
import java.util.Map;

/**
 * Adds members to a token response (an OpenID Connect {@code id_token}), registered with the composition root.
 * Called after the tokens are stored; it may not replace the RFC 6749 §5.1 members.
 */
@FunctionalInterface
public interface TokenResponseContributor {

    /** Members to add, keyed by wire name; empty when this contributor has nothing for this context. */
    Map<String, Object> additionalMembers(TokenContext context, TokenResponse response);
}
