package io.tollgate.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tollgate.users.PasswordHasher.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Proves, rather than assumes, that our hashes and Django's are interchangeable. */
class DjangoCompatibilityTest {

    private static final Path DJANGO_PYTHON = Path.of("/usr/bin/python3");
    // Django 5's default cost; the fixtures include cheaper, older ones that must ask for a rehash.
    private final PasswordHasher hasher = new PasswordHasher(600_000);

    record Fixture(String label, String password, String encoded) {}

    @Test
    void djangoMadeHashesVerify() throws IOException {
        List<Fixture> fixtures = fixtures();
        assertThat(fixtures).hasSizeGreaterThanOrEqualTo(8);
        for (Fixture f : fixtures) {
            Verification v = hasher.verify(f.password(), f.encoded());
            assertThat(v.matches()).as(f.label()).isTrue();
            assertThat(v.needsRehash()).as(f.label() + " is below 600000 iterations or legacy")
                    .isEqualTo(!f.label().endsWith("-600000"));
        }
    }

    @Test
    void djangoMadeHashesRejectOtherPasswords() throws IOException {
        PasswordHasher cheap = new PasswordHasher(1);
        for (Fixture f : fixtures()) {
            if (f.encoded().contains("$1000$") || f.encoded().contains("$1$")) {
                assertThat(cheap.verify(f.password() + "x", f.encoded()).matches()).as(f.label()).isFalse();
            }
        }
    }

    @Test
    void djangoAcceptsOurHashes() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean available = djangoAvailable();
        assumeTrue(available || ci, "/usr/bin/python3 with django not found; skipped outside CI");
        assertThat(available).as("CI=true requires /usr/bin/python3 with django").isTrue();

        List<String> passwords = List.of("adminpass", "pässwörd-Æ", "密码🔑パスワード", " spaced\tand\nnewline ", "");
        StringBuilder stdin = new StringBuilder();
        for (String p : passwords) {
            String encoded = hasher.hash(p);
            stdin.append(hex(p)).append('\t').append(encoded).append('\n');
            stdin.append(hex(p + "!")).append('\t').append(encoded).append('\n');
        }
        List<String> answers = runDjango(stdin.toString());

        List<String> expected = new ArrayList<>();
        passwords.forEach(p -> expected.addAll(List.of("True", "False")));
        assertThat(answers).isEqualTo(expected);
    }

    private static final String CHECKER = String.join("\n",
            "import sys, django",
            "from django.conf import settings",
            "settings.configure()",
            "django.setup()",
            "from django.contrib.auth.hashers import check_password",
            "for line in sys.stdin.buffer.read().decode('ascii').splitlines():",
            "    hexpw, encoded = line.split('\\t')",
            "    print(check_password(bytes.fromhex(hexpw).decode('utf-8'), encoded))");

    private static List<String> runDjango(String input) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(DJANGO_PYTHON.toString(), "-c", CHECKER).redirectErrorStream(true).start();
        try (OutputStream out = p.getOutputStream()) {
            out.write(input.getBytes(StandardCharsets.US_ASCII));
        }
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("django checker finished").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    private static boolean djangoAvailable() {
        if (!Files.isExecutable(DJANGO_PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(DJANGO_PYTHON.toString(), "-c", "import django")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Fixture> fixtures() throws IOException {
        try (InputStream in = DjangoCompatibilityTest.class.getResourceAsStream("/django-hashes.txt")) {
            assertThat(in).as("django-hashes.txt on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", -1))
                    .map(c -> new Fixture(c[0],
                            new String(HexFormat.of().parseHex(c[1]), StandardCharsets.UTF_8), c[2]))
                    .toList();
        }
    }
}
