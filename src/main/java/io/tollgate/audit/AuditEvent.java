package io.tollgate.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One security-relevant event: what happened, to whom, by whom, from where, and in which request.
 *
 * @param type          dotted name such as {@code user.created}, {@code token.issued}, {@code signin.failed}
 * @param actor         who did it (a user, a client, or the system)
 * @param subject       what it was done to; may be null when the actor is the subject
 * @param clientId      the OAuth client involved, if any (what the "client" filter matches)
 * @param clientAddress the remote address of the request, if the event came from one
 * @param requestId     the id the request filter gave the request, so audit lines and logs correlate
 * @param details       a few short facts (grant type, scopes, reason); never a token, secret or password
 */
public record AuditEvent(Instant time, String type, AuditOutcome outcome, AuditParty actor, AuditParty subject,
                         String clientId, String clientAddress, String requestId, Map<String, String> details) {
    static final int MAX_DETAILS = 12;
    static final int MAX_VALUE = 120;
    // A caller that passes one of these by mistake must not get it written anywhere: the value is replaced.
    private static final Set<String> SECRET_KEYS = Set.of("password", "secret", "client_secret", "token",
            "access_token", "refresh_token", "code", "code_verifier", "assertion", "csrf_token");
    static final String REDACTED = "[redacted]";

    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        actor = actor == null ? AuditParty.SYSTEM : actor;
        clientId = clip(clientId, 100);
        clientAddress = clip(clientAddress, 64);
        requestId = clip(requestId, 64);
        details = cleanDetails(details);
    }

    public static Builder of(String type, AuditOutcome outcome) {
        return new Builder(type, outcome);
    }

    public AuditEvent withRequest(String address, String request) {
        return new AuditEvent(time, type, outcome, actor, subject, clientId,
                clientAddress == null ? address : clientAddress, requestId == null ? request : requestId, details);
    }

    /**
     * NUL and other control characters (those of {@code \p{Cntrl}}: U+0000–U+001F and U+007F) would break a log line
     * or be refused by PostgreSQL; each becomes {@code ?}. A scan rather than a regex: clip runs for every field of
     * every audited event, and almost none holds such a character (the regex's matcher was a tenth of a token
     * request's allocations).
     */
    static String clip(String value, int max) {
        if (value == null) {
            return null;
        }
        String clipped = value.length() <= max ? value : value.substring(0, max);
        char[] cleaned = null;
        for (int i = 0; i < clipped.length(); i++) {
            char c = clipped.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (cleaned == null) {
                    cleaned = clipped.toCharArray();
                }
                cleaned[i] = '?';
            }
        }
        return cleaned == null ? clipped : new String(cleaned);
    }

    private static Map<String, String> cleanDetails(Map<String, String> given) {
        if (given == null || given.isEmpty()) {
            return Map.of();
        }
        Map<String, String> clean = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : given.entrySet()) {
            if (clean.size() == MAX_DETAILS) {
                break;
            }
            if (entry.getKey() == null || entry.getValue() == null) {
                continue;
            }
            String key = clip(entry.getKey(), 40);
            boolean secret = SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
            clean.put(key, secret ? REDACTED : clip(entry.getValue(), MAX_VALUE));
        }
        return Collections.unmodifiableMap(clean);
    }

    /** Fluent construction for the many call sites; the time is given last, from the caller's clock. */
    public static final class Builder {
        private final String type;
        private final AuditOutcome outcome;
        private AuditParty actor = AuditParty.SYSTEM;
        private AuditParty subject;
        private String clientId;
        private final Map<String, String> details = new LinkedHashMap<>();

        private Builder(String type, AuditOutcome outcome) {
            this.type = type;
            this.outcome = outcome;
        }

        public Builder actor(AuditParty value) {
            this.actor = value;
            return this;
        }

        public Builder subject(AuditParty value) {
            this.subject = value;
            return this;
        }

        public Builder client(String value) {
            this.clientId = value;
            return this;
        }

        public Builder detail(String key, Object value) {
            if (value != null) {
                details.put(key, String.valueOf(value));
            }
            return this;
        }

        public AuditEvent at(Instant time) {
            return new AuditEvent(time, type, outcome, actor, subject, clientId, null, null, details);
        }
    }
}
