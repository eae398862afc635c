package io.tollgate.oauth.oidc;

import java.util.List;
import java.util.Objects;

/**
 * What a verified id_token_hint says: whom it named, to which application it was issued, in which browser
 * session. Verified means signed by one of this server's published keys and naming this issuer; it may have
 * expired (OIDC Core §3.1.2.1, RP-Initiated Logout §4).
 *
 * @param azp       nullable: the authorized party, when the token names one
 * @param sessionId nullable: the {@code sid} claim
 */
public record IdTokenHint(String subject, List<String> audience, String azp, String sessionId) {
    public IdTokenHint {
        Objects.requireNonNull(subject, "subject");
        audience = audience == null ? List.of() : List.copyOf(audience);
    }

    /** The application it was issued to: {@code azp}, or the one audience; null when it cannot be told. */
    public String clientId() {
        if (azp != null) {
            return azp;
        }
        return audience.size() == 1 ? audience.get(0) : null;
    }

    public boolean issuedTo(String clientId) {
        return audience.contains(clientId);
    }
}
