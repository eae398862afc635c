package io.tollgate.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dropwizard.auth.Authenticator;
import io.tollgate.oauth.resource.AccessTokenValidator;
import io.tollgate.oauth.resource.TokenValidation;
import io.tollgate.oauth.token.TokenHasher;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Dropwizard's view of the protocol's {@link AccessTokenValidator}: a valid token's claims become the request's
 * {@link TokenPrincipal}; a bad token is an empty answer (401), never an exception. Never touches the password
 * hasher.
 */
public class TokenAuthenticator implements Authenticator<String, TokenPrincipal> {
    private final AccessTokenValidator validator;
    /** Why recently refused tokens failed, so the 401 can say it without a second lookup. */
    private final Cache<String, TokenValidation.Failure> recentFailures = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(10))
            .maximumSize(10_000)
            .build();

    public TokenAuthenticator(AccessTokenValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    @Override
    public Optional<TokenPrincipal> authenticate(String token) {
        return check(token).asOptional().map(TokenPrincipal::of);
    }

    /** Why this token is refused (for the RFC 6750 error description). */
    public TokenValidation.Failure explainFailure(String token) {
        TokenValidation.Failure recent = recentFailures.getIfPresent(TokenHasher.sha256Hex(token));
        if (recent != null) {
            return recent;
        }
        TokenValidation check = check(token);
        return check.failure() == null ? TokenValidation.Failure.INVALID : check.failure();
    }

    private TokenValidation check(String token) {
        TokenValidation result = validator.validate(token);
        if (result.failure() != null) {
            recentFailures.put(TokenHasher.sha256Hex(token), result.failure());
        }
        return result;
    }
}
