package io.tollgate.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.oauth.keys.KeyEncryptionKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionKeysTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void aConfiguredKeyIsUsedOnAnyDatabase() {
        KeyEncryptionKey key = KeyEncryptionKey.generate(new SecureRandom());
        assertThat(KeyEncryptionKeys.resolve(key.encoded(), "jdbc:postgresql://db/tollgate", out)).isEqualTo(key);
        assertThat(printed.size()).isZero();
    }

    @Test
    void aWeakConfiguredKeyRefusesToStartEvenOnH2() {
        String weak = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> KeyEncryptionKeys.resolve(weak, "jdbc:h2:file:./data/x", out))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("OIDC_KEY_ENCRYPTION_KEY")
                .hasMessageContaining("too weak").hasMessageNotContaining(weak);
    }

    @Test
    void aMissingKeyRefusesToStartOutsideTheEmbeddedDatabase() {
        for (String url : new String[] {"jdbc:postgresql://db:5432/tollgate", "jdbc:h2:tcp://localhost/x"}) {
            assertThatThrownBy(() -> KeyEncryptionKeys.resolve("", url, out))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("OIDC_KEY_ENCRYPTION_KEY").hasMessageContaining("openssl rand -base64 32");
        }
    }

    @Test
    void theEmbeddedDatabaseGetsAKeyOnFirstUseKeptBesideItAndPrintedOnce(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data/tollgate") + ";AUTO_SERVER=TRUE";

        KeyEncryptionKey first = KeyEncryptionKeys.resolve("", url, out);

        Path file = dir.resolve("data/tollgate.kek");
        assertThat(file).exists();
        assertThat(Files.readString(file).strip()).isEqualTo(first.encoded());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("OIDC_KEY_ENCRYPTION_KEY=" + first.encoded()).contains(file.toString());

        printed.reset();
        assertThat(KeyEncryptionKeys.resolve("", url, out)).isEqualTo(first);
        assertThat(printed.size()).as("printed only on first use").isZero();
    }

    @Test
    void anInMemoryDatabaseGetsAThrowAwayKey() {
        KeyEncryptionKey a = KeyEncryptionKeys.resolve("", "jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", out);
        KeyEncryptionKey b = KeyEncryptionKeys.resolve(null, "jdbc:h2:mem:x", out);
        assertThat(a).isNotEqualTo(b);
        assertThat(printed.size()).isZero();
    }

    @Test
    void findsTheDevelopmentKeyFileForH2FileUrlsOnly() {
        assertThat(KeyEncryptionKeys.developmentKeyFile("jdbc:h2:file:./data/tollgate;AUTO_SERVER=TRUE"))
                .contains(Path.of("./data/tollgate.kek"));
        assertThat(KeyEncryptionKeys.developmentKeyFile("jdbc:h2:./db")).contains(Path.of("./db.kek"));
        assertThat(KeyEncryptionKeys.developmentKeyFile("jdbc:h2:tcp://host/db")).isEmpty();
        assertThat(KeyEncryptionKeys.developmentKeyFile("jdbc:postgresql://host/db")).isEmpty();
    }
}
