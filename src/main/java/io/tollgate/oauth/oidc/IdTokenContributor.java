package io.tollgate.oauth.oidc;

import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.token.TokenContext;
import io.tollgate.oauth.token.TokenResponseContributor;
import java.util.Map;
import java.util.Optional;

/**
 * Adds {@code id_token} to the token response of an OpenID Connect grant (scope {@code openid}, a user): the
 * code exchange (with the request's nonce) and every refresh of that grant (the same sub, auth_time and sid,
 * and no nonce — OIDC Core §12.2).
 */
public record IdTokenContributor(IdTokens idTokens, AuthenticationStore authentications,
                                 OidcIssuer issuer) implements TokenResponseContributor {

    @Override
    public Map<String, Object> additionalMembers(TokenContext context, TokenResponse response) {
        if (!OidcScopes.isOpenId(context.scope()) || context.userId() == null) {
            return Map.of();
        }
        boolean codeExchange = context.grantType().equals(GrantType.AUTHORIZATION_CODE);
        if (!codeExchange && !context.grantType().equals(GrantType.REFRESH_TOKEN)) {
            return Map.of();
        }
        Optional<Authentication> signIn = context.familyId() == null ? Optional.empty()
                : authentications.find(context.familyId());
        String idToken = idTokens.issue(new IdTokenRequest(issuer.value(), context.client().clientId(), context.userId(),
                context.scope(),
                signIn.map(Authentication::authTime).orElse(context.authTime()),
                codeExchange ? signIn.map(Authentication::nonce).orElse(context.nonce()) : null,
                signIn.map(Authentication::sessionId).orElse(null),
                response.accessToken()));
        return Map.of("id_token", idToken);
    }
}
