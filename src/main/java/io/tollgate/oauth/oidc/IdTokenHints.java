package io.tollgate.oauth.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import io.tollgate.oauth.keys.JwtVerifier;
import java.text.ParseException;
import java.util.Objects;
import java.util.Optional;

/** Checks an id_token_hint: one of this server's ID tokens (signature by a published key, this issuer), expired or not. */
public final class IdTokenHints {
    private final JwtVerifier verifier;
    private final OidcIssuer issuer;

    public IdTokenHints(JwtVerifier verifier, OidcIssuer issuer) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /** Empty when it is not an ID token this server signed (another issuer, a bad signature, garbage). */
    public Optional<IdTokenHint> verify(String idToken) {
        return verifier.verify(idToken, JOSEObjectType.JWT, issuer.value(), true)
                .filter(claims -> claims.getSubject() != null)
                .flatMap(IdTokenHints::hint);
    }

    private static Optional<IdTokenHint> hint(JWTClaimsSet claims) {
        try {
            return Optional.of(new IdTokenHint(claims.getSubject(), claims.getAudience(),
                    claims.getStringClaim("azp"), claims.getStringClaim("sid")));
        } catch (ParseException wrongType) {
            // A claim of the wrong JSON type: not one of the ID tokens this server writes.
            return Optional.empty();
        }
    }
}
