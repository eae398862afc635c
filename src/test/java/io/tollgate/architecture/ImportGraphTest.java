package io.tollgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering, checked on the sources: the protocol is plain Java, persistence never reaches into HTTP, the
 * layers do not import each other in a circle, and no two packages (sub-packages included) do either. The root
 * package is exempt from the cycle rules: it is the composition root, and Dropwizard has the application name its
 * commands while each command names the application's configuration type.
 */
class ImportGraphTest {
    private static final Path SOURCES = Path.of("src/main/java/io/tollgate");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b(io\\.tollgate\\.\\w+)\\.");
    private static final Set<String> LAYERS = Set.of("oauth", "users", "persistence", "web", "config");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern ANY_IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern QUALIFIED_CLASS = Pattern.compile("\\b(io\\.tollgate(?:\\.[a-z]\\w*)*)\\.[A-Z]");
    private static final String ROOT = "io.tollgate";

    /** Source file (relative) → the packages it refers to, by import or fully qualified name. */
    private static Map<String, Set<String>> references() throws IOException {
        Map<String, Set<String>> refs = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Set<String> packages = new TreeSet<>();
                Matcher imports = IMPORT.matcher(text);
                while (imports.find()) {
                    packages.add(imports.group(1));
                }
                Matcher qualified = QUALIFIED.matcher(text.replaceAll("(?m)^(package|import) .*$", ""));
                while (qualified.find()) {
                    packages.add(qualified.group(1));
                }
                refs.put(SOURCES.relativize(file).toString().replace('\\', '/'), packages);
            }
        }
        return refs;
    }

    private static List<String> offenders(String fromPrefix, List<String> forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        references().forEach((file, packages) -> {
            if (file.startsWith(fromPrefix)) {
                packages.stream().filter(p -> forbidden.stream().anyMatch(p::startsWith))
                        .forEach(p -> found.add(file + " -> " + p));
            }
        });
        return found;
    }

    @Test
    void theProtocolImportsNoFrameworkAndNoOtherLayer() throws IOException {
        assertThat(offenders("oauth/", List.of("jakarta.ws", "org.glassfish", "org.jdbi", "com.github.mustachejava",
                "io.dropwizard", "io.tollgate.web", "io.tollgate.persistence", "io.tollgate.users",
                "io.tollgate.config", "io.tollgate.ops"))).isEmpty();
    }

    @Test
    void persistenceNeverImportsWeb() throws IOException {
        assertThat(offenders("persistence/", List.of("io.tollgate.web", "jakarta.ws", "org.glassfish"))).isEmpty();
    }

    @Test
    void usersKnowNeitherHttpNorTheDatabase() throws IOException {
        assertThat(offenders("users/", List.of("io.tollgate.web", "io.tollgate.persistence", "jakarta.ws",
                "org.glassfish", "org.jdbi"))).isEmpty();
    }

    @Test
    void theLayersDoNotImportEachOtherInACircle() throws IOException {
        Map<String, Set<String>> arrows = new HashMap<>();
        references().forEach((file, packages) -> {
            String from = file.contains("/") ? file.substring(0, file.indexOf('/')) : "";
            if (!LAYERS.contains(from)) {
                return;
            }
            packages.stream().filter(p -> p.startsWith("io.tollgate."))
                    .map(p -> p.substring("io.tollgate.".length()).split("\\.")[0])
                    .filter(to -> LAYERS.contains(to) && !to.equals(from))
                    .forEach(to -> arrows.computeIfAbsent(from, k -> new TreeSet<>()).add(to));
        });
        List<String> cycles = new ArrayList<>();
        for (String start : LAYERS) {
            findCycle(start, start, arrows, new ArrayList<>(List.of(start)), cycles);
        }
        assertThat(cycles).as("arrows: %s", arrows).isEmpty();
    }

    /** Package → the other io.tollgate packages its files refer to, by import or fully qualified name. */
    private static Map<String, Set<String>> packageArrows() throws IOException {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                texts.put(file.toString(), Files.readString(file));
            }
        }
        Map<String, String> packageOf = new HashMap<>();
        texts.forEach((file, text) -> {
            Matcher declared = PACKAGE.matcher(text);
            assertThat(declared.find()).as("package of %s", file).isTrue();
            packageOf.put(file, declared.group(1));
        });
        Set<String> packages = new TreeSet<>(packageOf.values());
        Map<String, Set<String>> arrows = new TreeMap<>();
        texts.forEach((file, text) -> {
            String from = packageOf.get(file);
            Set<String> to = arrows.computeIfAbsent(from, k -> new TreeSet<>());
            Matcher imports = ANY_IMPORT.matcher(text);
            while (imports.find()) {
                longestPackagePrefix(imports.group(1), packages).ifPresent(to::add);
            }
            Matcher qualified = QUALIFIED_CLASS.matcher(text.replaceAll("(?m)^(package|import) .*$", ""));
            while (qualified.find()) {
                if (packages.contains(qualified.group(1))) {
                    to.add(qualified.group(1));
                }
            }
            to.remove(from);
        });
        return arrows;
    }

    /** The package a (possibly nested or static) imported name lives in: its longest prefix that is a package. */
    private static Optional<String> longestPackagePrefix(String name, Set<String> packages) {
        for (String prefix = name; prefix.contains("."); prefix = prefix.substring(0, prefix.lastIndexOf('.'))) {
            if (!prefix.equals(name) && packages.contains(prefix)) {
                return Optional.of(prefix);
            }
        }
        return Optional.empty();
    }

    @Test
    void noTwoPackagesImportEachOtherInACircleSubPackagesIncluded() throws IOException {
        Map<String, Set<String>> arrows = new HashMap<>();
        packageArrows().forEach((from, to) -> {
            if (!from.equals(ROOT)) {
                arrows.put(from, new TreeSet<>(to.stream().filter(p -> !p.equals(ROOT)).toList()));
            }
        });
        assertThat(arrows).as("packages found").containsKeys("io.tollgate.oauth.model", "io.tollgate.oauth.grant",
                "io.tollgate.web.oauth", "io.tollgate.web.errors");
        assertThat(arrows.get("io.tollgate.oauth.grant")).as("an arrow the checker must see")
                .contains("io.tollgate.oauth.model");
        List<String> cycles = new ArrayList<>();
        for (String start : new TreeSet<>(arrows.keySet())) {
            findCycle(start, start, arrows, new ArrayList<>(List.of(start)), cycles);
        }
        assertThat(cycles).isEmpty();
    }

    private static void findCycle(String start, String at, Map<String, Set<String>> arrows, List<String> path,
                                  List<String> cycles) {
        for (String next : arrows.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (!path.contains(next)) {
                path.add(next);
                findCycle(start, next, arrows, path, cycles);
                path.remove(path.size() - 1);
            }
        }
    }
}
