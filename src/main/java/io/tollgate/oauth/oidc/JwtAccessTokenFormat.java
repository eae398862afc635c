package io.tollgate.oauth.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import io.tollgate.oauth.keys.JwtSigner;
import io.tollgate.oauth.keys.JwtVerifier;
import io.tollgate.oauth.token.AccessTokenFormat;
import io.tollgate.oauth.token.MintedAccessToken;
import io.tollgate.oauth.token.TokenContext;
import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.oauth.token.TokenHasher;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * RFC 9068 JWT access tokens, chosen per application ({@code token_format: jwt}). A resource server can verify
 * them offline against the JWKS; this server still stores each one by hash like an opaque token, so revocation,
 * the cache and cross-node invalidation treat both formats alike and a revoked JWT is refused here at once.
 *
 * @param audience the resource indicator the tokens are for (RFC 9068 §3 aud); blank: the issuer
 */
public record JwtAccessTokenFormat(JwtSigner signer, JwtVerifier verifier, TokenGenerator generator,
                                   SubjectIdentifiers subjects, OidcIssuer issuer,
                                   String audience) implements AccessTokenFormat {
    public static final String NAME = "jwt";
    public static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    public JwtAccessTokenFormat {
        audience = audience == null || audience.isBlank() ? null : audience.strip();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MintedAccessToken mint(TokenContext context, Instant issuedAt, Instant expiresAt) {
        String clientId = context.client().clientId();
        // RFC 9068 §2.2: without a resource owner (client credentials), sub names the client.
        String subject = context.userId() == null ? clientId : subjects.subject(context.userId(), clientId);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer.value())
                .expirationTime(Date.from(expiresAt))
                .audience(List.of(audience == null ? issuer.value() : audience))
                .subject(subject)
                .claim("client_id", clientId)
                .issueTime(Date.from(issuedAt))
                .jwtID(generator.generate())
                .claim("scope", context.scope().asString());
        if (context.authTime() != null) {
            claims.claim("auth_time", context.authTime().getEpochSecond());
        }
        String value = signer.sign(claims.build(), AT_JWT);
        return new MintedAccessToken(value, TokenHasher.sha256Hex(value));
    }

    /**
     * A JWT signed by one of our published keys, typed at+jwt, from this issuer. Expiry is left to the stored
     * row, so an expired token is reported as expired rather than unknown.
     */
    @Override
    public Optional<String> verify(String presented) {
        if (presented.chars().filter(c -> c == '.').count() != 2 || !presented.startsWith("ey")) {
            return Optional.empty();
        }
        return verifier.verify(presented, AT_JWT, issuer.value(), true).map(claims -> TokenHasher.sha256Hex(presented));
    }
}
