package io.tollgate.oauth.resource;

import io.tollgate.oauth.model.AccessTokenClaims;
import io.tollgate.oauth.model.ResolvedAccessToken;
import io.tollgate.oauth.store.AccessTokenLookup;
import io.tollgate.oauth.token.AccessTokenFormat;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule for "is this access token valid" (DOT's AccessToken.is_valid), used by the bearer filter and by
 * introspection alike: a format vouches for it, it is stored, not revoked, not expired, and its user (if any) is
 * still active. Expiry and revocation are decided per call, so a cached row never outlives its token.
 */
public final class AccessTokenValidator {
    private final List<AccessTokenFormat> formats;
    private final AccessTokenLookup lookup;
    private final Clock clock;

    /** @param formats tried in order; the opaque format accepts any string, so it comes last */
    public AccessTokenValidator(List<AccessTokenFormat> formats, AccessTokenLookup lookup, Clock clock) {
        this.formats = List.copyOf(formats);
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public TokenValidation validate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return TokenValidation.failed(TokenValidation.Failure.INVALID);
        }
        for (AccessTokenFormat format : formats) {
            Optional<String> hash = format.verify(presented);
            if (hash.isPresent()) {
                Optional<ResolvedAccessToken> found = lookup.findByHash(hash.get());
                if (found.isPresent()) {
                    return judge(found.get());
                }
            }
        }
        return TokenValidation.failed(TokenValidation.Failure.INVALID);
    }

    private TokenValidation judge(ResolvedAccessToken token) {
        if (token.revoked() != null || !token.ownerActive()) {
            return TokenValidation.failed(TokenValidation.Failure.INVALID);
        }
        if (token.isExpired(clock)) {
            return TokenValidation.failed(TokenValidation.Failure.EXPIRED);
        }
        return TokenValidation.valid(token.claims());
    }

    /** The claims of a valid token, or empty. */
    public Optional<AccessTokenClaims> claims(String presented) {
        return validate(presented).asOptional();
    }
}
