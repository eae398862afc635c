package io.tollgate.ops.djangoimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ImportContextTest {
    @Test
    void aDriverErrorIsReportedWithoutTheStatementItQuotes() {
        SQLException h2 = new SQLException("Statement was canceled or the session timed out; SQL statement:\n"
                + "SELECT id FROM oauth_refresh_token WHERE token_hash IN (?,?,?) [57014-240]");
        assertThat(ImportContext.firstLine(h2)).isEqualTo("Statement was canceled or the session timed out");
        SQLException postgres = new SQLException("ERROR: canceling statement due to statement timeout\n  Where: x");
        assertThat(ImportContext.firstLine(postgres)).isEqualTo("ERROR: canceling statement due to statement timeout");
    }
}
