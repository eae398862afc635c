package io.tollgate.users.hashers;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.users.PasswordHasher;
import io.tollgate.users.PasswordHasher.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hashes made by Django's own hashers (scripts/make-django-foreign-hashes.py) verify, and only with their password. */
class ForeignPasswordHashesTest {
    private final PasswordHasher hasher = new PasswordHasher(1000);
    private final DjangoHashFormats formats = new DjangoHashFormats(ForeignPasswordHashes.django());

    record Fixture(String label, String password, String encoded) {
    }

    @Test
    void everyMaintainedDjangoFormatVerifiesAndAsksForARehash() throws IOException {
        List<Fixture> usable = fixtures().stream().filter(f -> !f.label().startsWith("weak-")).toList();
        assertThat(usable).extracting(Fixture::label).contains("argon2id", "argon2i", "bcrypt_sha256", "bcrypt");
        for (Fixture f : usable) {
            Verification check = hasher.verify(f.password(), f.encoded());
            assertThat(check.matches()).as(f.label()).isTrue();
            assertThat(check.needsRehash()).as(f.label() + " is upgraded to PBKDF2 at the next sign-in").isTrue();
            assertThat(formats.classify(f.encoded())).as(f.label()).isEqualTo(DjangoHashFormats.Kind.USABLE);
        }
    }

    @Test
    void aWrongPasswordNeverMatches() throws IOException {
        for (Fixture f : fixtures()) {
            assertThat(hasher.verify("x" + f.password(), f.encoded()).matches()).as(f.label()).isFalse();
            assertThat(hasher.verify("", f.encoded()).matches()).as(f.label()).isFalse();
        }
    }

    @Test
    void bcryptIgnoresWhatPythonBcryptIgnoresAndBcryptSha256DoesNot() throws IOException {
        Fixture over72 = fixture("bcrypt-over-72");
        assertThat(hasher.verify("y".repeat(72), over72.encoded()).matches()).isTrue();
        Fixture long256 = fixture("bcrypt_sha256-long");
        assertThat(hasher.verify("x".repeat(72), long256.encoded()).matches()).isFalse();
    }

    @Test
    void weakLegacyFormatsAreNeverVerifiedAndAreClassifiedWeak() throws IOException {
        List<Fixture> weak = fixtures().stream().filter(f -> f.label().startsWith("weak-")).toList();
        assertThat(weak).hasSize(5);
        for (Fixture f : weak) {
            assertThat(hasher.verify(f.password(), f.encoded()).matches()).as(f.label()).isFalse();
            assertThat(formats.classify(f.encoded())).as(f.label()).isEqualTo(DjangoHashFormats.Kind.WEAK);
        }
        assertThat(DjangoHashFormats.algorithm(fixture("weak-unsalted_md5").encoded())).isEqualTo("unsalted_md5");
    }

    @Test
    void unusableAndUnknownAreToldApart() {
        assertThat(formats.classify("!abcdef")).isEqualTo(DjangoHashFormats.Kind.UNUSABLE);
        assertThat(formats.classify("")).isEqualTo(DjangoHashFormats.Kind.UNUSABLE);
        assertThat(formats.classify("pbkdf2_sha256$1000$salt$hash")).isEqualTo(DjangoHashFormats.Kind.USABLE);
        assertThat(formats.classify("myhasher$1$2")).isEqualTo(DjangoHashFormats.Kind.UNKNOWN);
    }

    @Test
    void craftedParametersAreRefusedWithoutSpendingTheirCost() {
        // m=4 GiB would exhaust the heap; the bound refuses it before any work.
        String huge = "argon2$argon2id$v=19$m=4194304,t=2,p=1$c2FsdHNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAA";
        assertThat(hasher.verify("pw", huge).matches()).isFalse();
        assertThat(hasher.verify("pw", "scrypt$1048577$salt$8$1$AAAAAAAAAAAAAAAAAAAAAA==").matches()).isFalse();
        assertThat(hasher.verify("pw", "bcrypt$$2b$31$" + "a".repeat(53)).matches()).isFalse();
        assertThat(hasher.verify("pw", "argon2$garbage").matches()).isFalse();
    }

    private static Fixture fixture(String label) throws IOException {
        return fixtures().stream().filter(f -> f.label().equals(label)).findFirst().orElseThrow();
    }

    private static List<Fixture> fixtures() throws IOException {
        List<Fixture> out = new ArrayList<>();
        try (InputStream in = ForeignPasswordHashesTest.class.getResourceAsStream("/django-foreign-hashes.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                out.add(new Fixture(parts[0], new String(HexFormat.of().parseHex(parts[1]), StandardCharsets.UTF_8),
                        parts[2]));
            }
        }
        return out;
    }
}
