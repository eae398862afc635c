package io.tollgate.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.users.PasswordHasher.Verification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(10);

    @Test
    void hashHasDjangoShape() {
        String encoded = hasher.hash("s3cret");
        assertThat(encoded).matches("pbkdf2_sha256\\$10\\$[a-zA-Z0-9]{22}\\$[A-Za-z0-9+/]{43}=");
        assertThat(hasher.hash("s3cret")).as("fresh salt every time").isNotEqualTo(encoded);
    }

    @Test
    void roundTrip() {
        assertThat(hasher.verify("s3cret", hasher.hash("s3cret"))).isEqualTo(new Verification(true, false));
        assertThat(hasher.verify("密码🔑", hasher.hash("密码🔑")).matches()).isTrue();
    }

    @Test
    void wrongPasswordDoesNotMatch() {
        String encoded = hasher.hash("s3cret");
        assertThat(hasher.verify("s3creT", encoded)).isEqualTo(new Verification(false, false));
        assertThat(hasher.verify("", encoded).matches()).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "", "garbage", "pbkdf2_sha256$10$salt", "pbkdf2_sha256$$salt$hash", "pbkdf2_sha256$0$salt$hash",
        "pbkdf2_sha256$-5$salt$hash", "pbkdf2_sha256$ten$salt$hash", "pbkdf2_sha256$99999999999$salt$hash",
        "pbkdf2_sha256$10$$hash", "pbkdf2_sha256$10$salt$", "pbkdf2_sha256$10$salt$not base64!",
        "argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA", "bcrypt_sha256$$2b$12$abc",
        "md5$salt$5f4dcc3b5aa765d61d8327deb882cf99", "!", "!unusableMarkerFromDjango0123456789abcdefghij"
    })
    void malformedOrUnknownEncodingNeverMatchesAndNeverThrows(String encoded) {
        assertThat(hasher.verify("s3cret", encoded)).isEqualTo(new Verification(false, false));
    }

    @Test
    void unusableMarkerLooksLikeDjangosAndNeverMatches() {
        String marker = hasher.unusable();
        assertThat(marker).matches("![a-zA-Z0-9]{40}");
        assertThat(hasher.verify(marker.substring(1), marker).matches()).isFalse();
        assertThat(hasher.verify(marker, marker).matches()).isFalse();
    }

    @Test
    void tamperedHashDoesNotMatch() {
        String encoded = hasher.hash("s3cret");
        String otherIterations = encoded.replaceFirst("\\$10\\$", "\\$11\\$");
        String otherSalt = encoded.replaceFirst("\\$10\\$.", "\\$10\\$" + (encoded.charAt(17) == 'a' ? 'b' : 'a'));
        assertThat(hasher.verify("s3cret", otherIterations).matches()).isFalse();
        assertThat(hasher.verify("s3cret", otherSalt).matches()).isFalse();
    }

    @Test
    void hashRefusesNul() {
        assertThatThrownBy(() -> hasher.hash("secret\0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void verifyRefusesNulEvenWhereHmacPaddingWouldAcceptIt() {
        String encoded = hasher.hash("secret");
        assertThat(hasher.verify("secret\0", encoded).matches()).isFalse();
        assertThat(hasher.verify("secret", encoded).matches()).isTrue();
    }

    @Test
    void loneSurrogateRefusedBecauseJdkWouldEncodeItAsQuestionMark() {
        assertThatThrownBy(() -> hasher.hash("a\uD800")).isInstanceOf(IllegalArgumentException.class);
        assertThat(hasher.verify("a\uD800", hasher.hash("a?")).matches()).isFalse();
    }

    @Test
    void nullPasswordRefused() {
        assertThatThrownBy(() -> hasher.hash(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(hasher.verify(null, hasher.hash("x")).matches()).isFalse();
    }

    @Test
    void needsRehashWhenStoredIterationsBelowConfigured() {
        String weak = new PasswordHasher(5).hash("s3cret");
        assertThat(hasher.verify("s3cret", weak)).isEqualTo(new Verification(true, true));
        assertThat(hasher.verify("wrong", weak)).isEqualTo(new Verification(false, false));
    }

    @Test
    void strongerStoredHashIsNotDowngraded() {
        String strong = new PasswordHasher(20).hash("s3cret");
        assertThat(hasher.verify("s3cret", strong)).isEqualTo(new Verification(true, false));
    }

    @Test
    void iterationsMustBePositive() {
        assertThatThrownBy(() -> new PasswordHasher(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PasswordHasher(1).iterations()).isEqualTo(1);
    }

    @Test
    void dummyVerifyAcceptsAnythingWithoutThrowing() {
        assertThatCode(() -> {
            hasher.verifyDummy("whatever");
            hasher.verifyDummy(null);
            hasher.verifyDummy("nul\0");
            hasher.verifyDummy("");
        }).doesNotThrowAnyException();
    }

    @Test
    void verificationCannotClaimRehashWithoutMatch() {
        assertThatThrownBy(() -> new Verification(false, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
