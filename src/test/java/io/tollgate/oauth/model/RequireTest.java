package io.tollgate.oauth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RequireTest {
    private static final Pattern CALL = Pattern.compile("Require\\.nonNull\\(\"([^\"]*)\",([^;]*)\\);");

    @Test
    void passesWhenNothingIsNull() {
        Require.nonNull("a b c", "x", 1, new Object());
        Require.nonNull("");
    }

    @Test
    void namesTheFirstNullComponent() {
        assertThatThrownBy(() -> Require.nonNull("first second third", "x", null, null))
                .isExactlyInstanceOf(NullPointerException.class).hasMessage("second");
        assertThatThrownBy(() -> Require.nonNull("first second third", null, "y", "z"))
                .isExactlyInstanceOf(NullPointerException.class).hasMessage("first");
        assertThatThrownBy(() -> Require.nonNull("first second third", "x", "y", null))
                .isExactlyInstanceOf(NullPointerException.class).hasMessage("third");
    }

    @Test
    void toleratesExtraSpacesBetweenNames() {
        assertThatThrownBy(() -> Require.nonNull("  first   second ", "x", null))
                .isExactlyInstanceOf(NullPointerException.class).hasMessage("second");
    }

    @Test
    void namesThatDoNotMatchTheValuesAreReported() {
        assertThatThrownBy(() -> Require.nonNull("first second", "x", "y", null))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 names for 3 values");
        assertThatThrownBy(() -> Require.nonNull("first second third", null, "y"))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 names for 2 values");
    }

    @Test
    void recordsBuiltWithANullComponentSayWhichOne() {
        assertThatThrownBy(() -> new AccessTokenClaims(1, "hash", null, 2, "client", null, null, null,
                ScopeSet.parse("read"), null, java.time.Instant.EPOCH))
                .isExactlyInstanceOf(NullPointerException.class).hasMessage("familyId");
    }

    /**
     * A mismatch shows only once a value is null, so every call in the sources is checked here: its names are
     * exactly the names of the values it passes, in order.
     */
    @Test
    void everyCallNamesItsValuesInOrder() throws IOException {
        List<String> calls = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher call = CALL.matcher(Files.readString(file));
                while (call.find()) {
                    List<String> names = Arrays.asList(call.group(1).strip().split("\\s+"));
                    List<String> values = Arrays.stream(call.group(2).split(",")).map(String::strip).toList();
                    assertThat(values).as("%s: %s", file, call.group()).isEqualTo(names);
                    calls.add(file.getFileName().toString());
                }
            }
        }
        assertThat(calls).as("calls found").contains("AccessTokenClaims.java", "User.java");
    }
}
