package io.tollgate.ops.djangoimport;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an import did (or, in a dry run, would do), per kind of row, with the reasons for every row left out. */
public final class ImportReport {
    /** The kinds of rows, in the order they are imported. */
    public enum Kind {
        USERS("users"), GROUPS("groups"), MEMBERSHIPS("group memberships"), APPLICATIONS("applications"),
        REFRESH_TOKENS("refresh tokens"), ACCESS_TOKENS("access tokens"), CODES("authorization codes"),
        DEVICE_GRANTS("device grants");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Lines listed per note before "... and N more"; the counts stay exact. */
    static final int LISTED_PER_NOTE = 1000;

    private static final class Counts {
        long imported;
        long updated;
        long unchanged;
        final Map<String, Long> skipped = new LinkedHashMap<>();
    }

    private final Map<Kind, Counts> counts = new EnumMap<>(Kind.class);
    private final Map<String, List<String>> notes = new LinkedHashMap<>();
    private final Map<String, Long> noteCounts = new LinkedHashMap<>();

    public void imported(Kind kind) {
        counts(kind).imported++;
    }

    public void updated(Kind kind) {
        counts(kind).updated++;
    }

    public void unchanged(Kind kind) {
        counts(kind).unchanged++;
    }

    public void skipped(Kind kind, String reason) {
        counts(kind).skipped.merge(reason, 1L, Long::sum);
    }

    /** A line under a heading, e.g. a user whose weak hash was made unusable; the heading counts them all. */
    public void note(String heading, String line) {
        long count = noteCounts.merge(heading, 1L, Long::sum);
        List<String> lines = notes.computeIfAbsent(heading, key -> new ArrayList<>());
        if (count <= LISTED_PER_NOTE) {
            lines.add(line);
        }
    }

    public long importedCount(Kind kind) {
        return counts(kind).imported;
    }

    public long updatedCount(Kind kind) {
        return counts(kind).updated;
    }

    public long unchangedCount(Kind kind) {
        return counts(kind).unchanged;
    }

    public long skippedCount(Kind kind) {
        return counts(kind).skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long skippedCount(Kind kind, String reason) {
        return counts(kind).skipped.getOrDefault(reason, 0L);
    }

    public List<String> notes(String heading) {
        return notes.getOrDefault(heading, List.of());
    }

    public boolean changedAnything() {
        return counts.values().stream().anyMatch(c -> c.imported > 0 || c.updated > 0);
    }

    public void print(PrintStream out, boolean dryRun) {
        out.println(dryRun ? "Plan (dry run: nothing was written):" : "Report:");
        for (Map.Entry<Kind, Counts> entry : counts.entrySet()) {
            Counts c = entry.getValue();
            out.printf("  %-20s %s %d, updated %d, already present %d, skipped %d%n", entry.getKey().label(),
                    dryRun ? "to import" : "imported", c.imported, c.updated, c.unchanged,
                    c.skipped.values().stream().mapToLong(Long::longValue).sum());
            c.skipped.forEach((reason, n) -> out.printf("      skipped %d: %s%n", n, reason));
        }
        notes.forEach((heading, lines) -> {
            long total = noteCounts.get(heading);
            out.println(heading + " (" + total + "):");
            lines.forEach(line -> out.println("  " + line));
            if (total > lines.size()) {
                out.println("  ... and " + (total - lines.size()) + " more");
            }
        });
        if (!changedAnything()) {
            out.println(dryRun ? "Nothing to do: everything is already in Tollgate."
                    : "Nothing changed: everything was already in Tollgate.");
        }
    }

    private Counts counts(Kind kind) {
        return counts.computeIfAbsent(kind, key -> new Counts());
    }
}
