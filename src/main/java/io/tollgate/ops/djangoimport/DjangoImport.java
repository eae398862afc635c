package io.tollgate.ops.djangoimport;

import io.tollgate.ops.djangoimport.ImportContext.Mode;
import io.tollgate.users.PasswordHasher;
import io.tollgate.users.hashers.DjangoHashFormats;
import io.tollgate.users.hashers.ForeignPasswordHashes;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Copies a Django OAuth Toolkit deployment into Tollgate: users, groups, applications, live tokens and codes, in
 * that order (each kind needs the ids of the ones before). Streams every table in batches, each batch its own
 * transaction; never deletes; a re-run adds only what is new, so an interrupted import is finished by running it
 * again.
 */
public final class DjangoImport {
    /** What --only selects. */
    public enum Part {
        USERS, GROUPS, APPLICATIONS, TOKENS;

        public static Set<Part> parse(String commaSeparated) {
            Set<Part> parts = EnumSet.noneOf(Part.class);
            for (String name : commaSeparated.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    parts.add(valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new io.tollgate.ops.cli.CommandException(
                            "--only takes users, groups, applications, tokens; not " + name.strip());
                }
            }
            return parts.isEmpty() ? EnumSet.allOf(Part.class) : parts;
        }
    }

    public static final int DEFAULT_BATCH_SIZE = 2000;

    private final SourceDatabase source;
    private final DotSchema schema;
    private final Jdbi target;
    private final Clock clock;
    private final Duration refreshLifetime;
    private final Progress progress;
    private final int batchSize;

    public DjangoImport(SourceDatabase source, DotSchema schema, Jdbi target, Clock clock, Duration refreshLifetime,
                        Progress progress, int batchSize) {
        this.source = source;
        this.schema = schema;
        this.target = target;
        this.clock = clock;
        this.refreshLifetime = refreshLifetime;
        this.progress = progress;
        this.batchSize = batchSize;
    }

    public ImportReport run(Set<Part> only, boolean dryRun) throws SQLException {
        ImportReport report = new ImportReport();
        ImportContext ctx = new ImportContext(source, schema, target, report, progress, clock, batchSize);
        // The hasher only makes unusable-password markers here; its cost setting plays no part.
        PasswordHasher hasher = new PasswordHasher(1);
        DjangoHashFormats formats = new DjangoHashFormats(ForeignPasswordHashes.django());
        Mode selected = dryRun ? Mode.PLAN : Mode.WRITE;

        UserImport users = new UserImport(ctx, hasher, formats);
        // Always read: groups, applications and tokens all refer to users.
        users.users(only.contains(Part.USERS) ? selected : Mode.MAP_ONLY);
        if (only.contains(Part.GROUPS)) {
            users.groups(selected);
            users.memberships(selected);
        }
        if (only.contains(Part.APPLICATIONS) || only.contains(Part.TOKENS)) {
            new ApplicationImport(ctx, formats).run(only.contains(Part.APPLICATIONS) ? selected : Mode.MAP_ONLY);
        }
        if (only.contains(Part.TOKENS)) {
            TokenImport tokens = new TokenImport(ctx, refreshLifetime);
            tokens.refreshTokens(selected);
            tokens.accessTokens(selected);
            tokens.codes(selected);
            tokens.deviceGrants();
        }
        return report;
    }
}
