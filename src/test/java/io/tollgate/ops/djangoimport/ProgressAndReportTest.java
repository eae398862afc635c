package io.tollgate.ops.djangoimport;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.model.GrantType;
import io.tollgate.ops.djangoimport.ImportReport.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProgressAndReportTest {

    @Test
    void plainProgressPrintsAtMostOneLinePerTenth() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = Progress.forOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        progress.start("access tokens", 1000);
        for (int i = 0; i < 100; i++) {
            progress.advance(10);
        }
        progress.finish();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).isEqualTo("access tokens: 1000 rows");
        assertThat(lines[1]).isEqualTo("access tokens: 10% (100/1000)");
        assertThat(lines[10]).isEqualTo("access tokens: done (1000 rows read)");
    }

    @Test
    void theTerminalBarRedrawsInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = Progress.forOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        progress.start("users", 4);
        progress.advance(2);
        progress.finish();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("\r  users").contains(" 50%  2/4").contains("100%  4/4").endsWith("\n");
    }

    @Test
    void theReportCountsEveryKindAndSaysWhenNothingChanged() {
        ImportReport report = new ImportReport();
        report.unchanged(Kind.USERS);
        report.skipped(Kind.USERS, "refused");
        report.skipped(Kind.USERS, "refused");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("users                imported 0, updated 0, already present 1, skipped 2")
                .contains("skipped 2: refused")
                .contains("Nothing changed");
        report.imported(Kind.CODES);
        assertThat(report.changedAnything()).isTrue();
    }

    @Test
    void longNotesAreCappedButCountedExactly() {
        ImportReport report = new ImportReport();
        for (int i = 0; i < ImportReport.LISTED_PER_NOTE + 5; i++) {
            report.note("Weak", "user" + i);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Weak (1005):").contains("... and 5 more");
    }

    @Test
    void dotGrantsBecomeTollgateGrantSets() {
        assertThat(ApplicationImport.grants("password")).isEqualTo(Set.of(GrantType.PASSWORD, GrantType.REFRESH_TOKEN));
        assertThat(ApplicationImport.grants("authorization-code"))
                .isEqualTo(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        assertThat(ApplicationImport.grants("client-credentials")).isEqualTo(Set.of(GrantType.CLIENT_CREDENTIALS));
        assertThat(ApplicationImport.grants("implicit")).isNull();
    }
}
