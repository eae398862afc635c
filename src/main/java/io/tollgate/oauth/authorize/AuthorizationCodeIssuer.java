package io.tollgate.oauth.authorize;

import io.tollgate.oauth.model.AuthorizationCode;
import io.tollgate.oauth.store.AuthorizationCodeStore;
import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.oauth.token.TokenSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues single-use codes bound to client, redirect_uri, scope and PKCE challenge; only the hash is stored, so a
 * database dump holds no redeemable code.
 */
public record AuthorizationCodeIssuer(AuthorizationCodeStore codes, TokenGenerator generator, TokenSettings settings,
                                      Clock clock) {

    /** Returns the plaintext code, which exists only in the redirect. */
    public String issue(AuthorizationRequest request, long userId) {
        return issue(request, userId, family -> { });
    }

    /**
     * As {@link #issue(AuthorizationRequest, long)}, telling {@code beforeSave} the grant family first, so what
     * is kept about the family (OpenID Connect's sign-in facts) exists before the code can be redeemed.
     */
    public String issue(AuthorizationRequest request, long userId, java.util.function.Consumer<String> beforeSave) {
        String code = generator.generate();
        Instant now = clock.instant();
        String family = UUID.randomUUID().toString();
        beforeSave.accept(family);
        codes.save(new AuthorizationCode(TokenHasher.sha256Hex(code), request.client().id(), userId,
                request.redirectUri(), request.scope(), request.codeChallenge(), request.codeChallengeMethod(),
                now, now.plus(settings.authorizationCodeLifetime()), family));
        return code;
    }
}
