package io.tollgate.oauth.resource;

import io.tollgate.oauth.event.AccessTokenChecked;
import io.tollgate.oauth.event.ProtocolEventPublisher;
import io.tollgate.oauth.model.AccessTokenClaims;
import io.tollgate.oauth.model.ResolvedAccessToken;
import io.tollgate.oauth.store.AccessTokenLookup;
import io.tollgate.oauth.token.AccessTokenFormat;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for "is this access token valid" (DOT's AccessToken.is_valid), used by the bearer filter and by
 * introspection alike: a format vouches for it, it is stored, not revoked, not expired, and its user (if any) is
 * still active. Expiry and revocation are decided per call, so a cached row never outlives its token.
 */
public final class AccessTokenValidator {
    private final List<AccessTokenFormat> formats;
    private final AccessTokenLookup lookup;
    /** RFC 6750 §2.1 b64token; anything else cannot be a token of ours (metrics call it malformed). */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    private final Clock clock;
    private final ProtocolEventPublisher events;

    /** @param formats tried in order; the opaque format accepts any string, so it comes last */
    public AccessTokenValidator(List<AccessTokenFormat> formats, AccessTokenLookup lookup, Clock clock) {
        this(formats, lookup, clock, ProtocolEventPublisher.NONE);
    }

    /** @param events told each verdict ({@link AccessTokenChecked}), for the bearer-check metrics */
    public AccessTokenValidator(List<AccessTokenFormat> formats, AccessTokenLookup lookup, Clock clock,
                                ProtocolEventPublisher events) {
        this.formats = List.copyOf(formats);
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    public TokenValidation validate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 8192
                || !B64TOKEN.matcher(presented).matches()) {
            return verdict(AccessTokenChecked.Result.MALFORMED, TokenValidation.failed(TokenValidation.Failure.INVALID));
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
        return verdict(AccessTokenChecked.Result.UNKNOWN, TokenValidation.failed(TokenValidation.Failure.INVALID));
    }

    private TokenValidation judge(ResolvedAccessToken token) {
        // The wire answer stays "invalid" for all three: a caller learns nothing about tokens it should not hold.
        if (token.revoked() != null) {
            return verdict(AccessTokenChecked.Result.REVOKED, TokenValidation.failed(TokenValidation.Failure.INVALID));
        }
        if (!token.ownerActive()) {
            return verdict(AccessTokenChecked.Result.USER_INACTIVE,
                    TokenValidation.failed(TokenValidation.Failure.INVALID));
        }
        if (token.isExpired(clock)) {
            return verdict(AccessTokenChecked.Result.EXPIRED, TokenValidation.failed(TokenValidation.Failure.EXPIRED));
        }
        return verdict(AccessTokenChecked.Result.VALID, TokenValidation.valid(token.claims()));
    }

    private TokenValidation verdict(AccessTokenChecked.Result result, TokenValidation validation) {
        events.publish(new AccessTokenChecked(clock.instant(), result));
        return validation;
    }

    /** The claims of a valid token, or empty. */
    public Optional<AccessTokenClaims> claims(String presented) {
        return validate(presented).asOptional();
    }
}
