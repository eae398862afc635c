package io.tollgate.oauth.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyEncryptionKeyTest {
    @Test
    void acceptsBase64AndBase64UrlOf32RandomBytes() {
        KeyEncryptionKey generated = KeyEncryptionKey.generate(new SecureRandom());
        assertThat(KeyEncryptionKey.parse(generated.encoded())).isEqualTo(generated);
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(generated.encoded()));
        assertThat(KeyEncryptionKey.parse(" " + url + "\n")).isEqualTo(generated);
    }

    @Test
    void refusesMissingShortPatternedAndNonBase64KeysWithoutEchoingThem() {
        assertThatThrownBy(() -> KeyEncryptionKey.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> KeyEncryptionKey.parse(null)).hasMessageContaining("empty");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> KeyEncryptionKey.parse(short16)).hasMessageContaining("32 bytes")
                .hasMessageNotContaining(short16);
        String zeros = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> KeyEncryptionKey.parse(zeros)).hasMessageContaining("too weak")
                .hasMessageNotContaining(zeros);
        String typed = Base64.getEncoder().encodeToString("passwordpasswordpasswordpassword".getBytes());
        assertThatThrownBy(() -> KeyEncryptionKey.parse(typed)).hasMessageContaining("too weak");
        assertThatThrownBy(() -> KeyEncryptionKey.parse("not base64 at all!")).hasMessageContaining("not base64");
    }

    @Test
    void neverShowsItself() {
        KeyEncryptionKey key = KeyEncryptionKey.generate(new SecureRandom());
        assertThat(key.toString()).doesNotContain(key.encoded()).contains("redacted");
    }
}
