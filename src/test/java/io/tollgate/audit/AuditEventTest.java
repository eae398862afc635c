package io.tollgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AuditEventTest {
    private static final Instant T = Instant.parse("2026-12-04T20:00:00Z");

    @Test
    void secretLookingDetailsAreRedactedWhoeverPassesThem() {
        AuditEvent event = AuditEvent.of("token.issued", AuditOutcome.SUCCESS)
                .detail("grant_type", "password")
                .detail("password", "hunter2")
                .detail("refresh_token", "abc")
                .detail("Client_Secret", "s3cr3t")
                .at(T);
        assertThat(event.details()).containsEntry("grant_type", "password")
                .containsEntry("password", AuditEvent.REDACTED)
                .containsEntry("refresh_token", AuditEvent.REDACTED)
                .containsEntry("Client_Secret", AuditEvent.REDACTED);
        assertThat(event.details().values()).doesNotContain("hunter2", "abc", "s3cr3t");
    }

    @Test
    void clipReplacesExactlyWhatTheControlClassMatchesAndCutsToTheLimit() {
        // The scan must agree with \p{Cntrl}, which it replaced: every code unit below U+0100, and a few beyond.
        Pattern control = Pattern.compile("\\p{Cntrl}");
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            all.append(c);
        }
        all.append("\u2028\uFEFF\uD83D\uDE00é");
        String every = all.toString();
        assertThat(AuditEvent.clip(every, 1_000)).isEqualTo(control.matcher(every).replaceAll("?"));
        assertThat(AuditEvent.clip(every, 40)).isEqualTo(control.matcher(every).replaceAll("?").substring(0, 40));
        assertThat(AuditEvent.clip("plain-client-id", 100)).isEqualTo("plain-client-id");
        assertThat(AuditEvent.clip("a\u0000b\tc\u007F", 100)).isEqualTo("a?b?c?");
        assertThat(AuditEvent.clip("abcdef", 3)).isEqualTo("abc");
        assertThat(AuditEvent.clip(null, 3)).isNull();
    }

    @Test
    void detailsAreFewShortAndFreeOfControlCharacters() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            many.put("k" + i, "v\u0000\n".repeat(100));
        }
        AuditEvent event = new AuditEvent(T, "x", AuditOutcome.FAILURE, null, null, null, null, null, many);
        assertThat(event.details()).hasSize(AuditEvent.MAX_DETAILS);
        assertThat(event.details().get("k0")).hasSize(AuditEvent.MAX_VALUE).doesNotContain("\u0000", "\n");
        assertThat(event.actor()).isEqualTo(AuditParty.SYSTEM);
    }

    @Test
    void theJsonLineNamesEveryField() throws Exception {
        AuditEvent event = AuditEvent.of("user.created", AuditOutcome.SUCCESS)
                .actor(AuditParty.user(1, "admin")).subject(AuditParty.user(7, "alice")).client(null)
                .detail("staff", true).at(T).withRequest("127.0.0.1", "r-1");
        ObjectMapper mapper = new ObjectMapper();
        var node = mapper.readTree(new AuditJson(mapper).line(event));
        assertThat(node.get("time").asText()).isEqualTo("2026-12-04T20:00:00Z");
        assertThat(node.get("type").asText()).isEqualTo("user.created");
        assertThat(node.get("outcome").asText()).isEqualTo("success");
        assertThat(node.at("/actor/name").asText()).isEqualTo("admin");
        assertThat(node.at("/subject/id").asLong()).isEqualTo(7);
        assertThat(node.get("request_id").asText()).isEqualTo("r-1");
        assertThat(node.get("client_address").asText()).isEqualTo("127.0.0.1");
        assertThat(node.at("/details/staff").asText()).isEqualTo("true");
    }
}
