package io.tollgate.oauth.model;

import java.time.Clock;
import java.time.Instant;

/**
 * An issued authorization code (hash only).
 *
 * @param redirectUri         always stored, so the token request must repeat it exactly
 * @param codeChallenge       nullable: no PKCE
 * @param codeChallengeMethod nullable; "S256" or "plain" when a challenge is present
 * @param familyId            shared with the tokens the code yields, so a replay can revoke them
 */
public record AuthorizationCode(
        String codeHash,
        long clientDbId,
        long userId,
        String redirectUri,
        ScopeSet scope,
        String codeChallenge,
        String codeChallengeMethod,
        Instant created,
        Instant expires,
        String familyId) {

    public AuthorizationCode {
        Require.nonNull("codeHash redirectUri scope created expires familyId",
                codeHash, redirectUri, scope, created, expires, familyId);
        if (codeChallenge != null && codeChallengeMethod == null) {
            throw new IllegalArgumentException("codeChallengeMethod is required with a codeChallenge");
        }
    }

    public boolean isExpired(Clock clock) {
        return !clock.instant().isBefore(expires);
    }
}
