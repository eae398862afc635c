package io.tollgate.oauth.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.keys.JwtSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Issues ID tokens (OIDC Core §2): signed with the current key, claims as the scope allows. */
public record IdTokens(JwtSigner signer, SubjectIdentifiers subjects, UserClaimsSource users, Duration lifetime,
                       Clock clock) {

    public String subject(long userId, String clientId) {
        return subjects.subject(userId, clientId);
    }

    /**
     * The compact JWS of the ID token.
     *
     * @throws OAuthException invalid_grant when the user is gone or deactivated since the grant
     */
    public String issue(IdTokenRequest request) {
        UserClaims user = users.findActive(request.userId())
                .orElseThrow(() -> OAuthException.invalidGrant("The user of this grant is no longer active."));
        Instant now = clock.instant();
        String subject = subjects.subject(request.userId(), request.clientId());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(request.issuer())
                .audience(List.of(request.clientId()))
                .claim("azp", request.clientId())
                .expirationTime(Date.from(now.plus(lifetime)))
                .issueTime(Date.from(now));
        for (Map.Entry<String, Object> claim : ScopeClaims.of(subject, user, request.scope()).entrySet()) {
            claims.claim(claim.getKey(), claim.getValue());
        }
        if (request.authTime() != null) {
            claims.claim("auth_time", request.authTime().getEpochSecond());
        }
        if (request.nonce() != null) {
            claims.claim("nonce", request.nonce());
        }
        if (request.sessionId() != null) {
            claims.claim("sid", request.sessionId());
        }
        if (request.accessToken() != null) {
            claims.claim("at_hash", accessTokenHash(request.accessToken()));
        }
        return signer.sign(claims.build(), JOSEObjectType.JWT);
    }

    /**
     * OIDC Core §3.1.3.6: base64url of the left half of the hash of the access token's ASCII octets. Both
     * algorithms signed with (RS256, ES256) use SHA-256.
     */
    public static String accessTokenHash(String accessToken) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(Arrays.copyOf(hash, hash.length / 2)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory on every JVM", e);
        }
    }
}
