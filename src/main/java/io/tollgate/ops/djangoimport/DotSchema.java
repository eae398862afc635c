package io.tollgate.ops.djangoimport;

import io.tollgate.ops.cli.CommandException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a Django database holds, decided by its tables and columns (and its django_migrations records when
 * present): the Django auth schema, and Django OAuth Toolkit 1.x, 2.x, 3.0 or 3.1+ with the optional columns each
 * adds.
 *
 * @param refreshChecksum    3.1+ (migration 0015): refresh tokens carry token_checksum too, and with RFC 9700
 *                           storage their token column is blank
 * @param resource           3.1+ (0018): access tokens, refresh tokens and grants carry RFC 8707 resource indicators
 * @param deviceGrants       3.1+ (0013): the oauth2_provider_devicegrant table of RFC 8628 flows
 * @param registrationSource 3.1+ (0019): how an application was registered (manual, dcr, cimd)
 */
public record DotSchema(String dotVersion, boolean algorithm, boolean postLogoutRedirectUris, boolean allowedOrigins,
                        boolean hashClientSecret, boolean tokenChecksum, boolean tokenFamily,
                        boolean sourceRefreshToken, boolean refreshChecksum, boolean resource, boolean deviceGrants,
                        boolean registrationSource, String describe) {
    static final String USER = "auth_user";
    static final String GROUP = "auth_group";
    static final String USER_GROUPS = "auth_user_groups";
    static final String APPLICATION = "oauth2_provider_application";
    static final String ACCESS = "oauth2_provider_accesstoken";
    static final String REFRESH = "oauth2_provider_refreshtoken";
    static final String GRANT = "oauth2_provider_grant";
    static final String DEVICE_GRANT = "oauth2_provider_devicegrant";

    // The last migration number this Tollgate knows, per app: DOT 3.4 ends at 0022 (2.x ended at 0010, 3.0 at
    // 0012), Django 5.x's auth at 0012.
    private static final int KNOWN_DOT_MIGRATIONS = 22;
    private static final int KNOWN_AUTH_MIGRATIONS = 12;

    private static final List<String> USER_COLUMNS = List.of("id", "password", "last_login", "is_superuser", "username",
            "first_name", "last_name", "email", "is_staff", "is_active", "date_joined");
    private static final List<String> APPLICATION_COLUMNS = List.of("id", "client_id", "redirect_uris", "client_type",
            "authorization_grant_type", "client_secret", "name", "user_id", "skip_authorization", "created", "updated");
    private static final List<String> ACCESS_COLUMNS = List.of("id", "token", "user_id", "application_id", "expires",
            "scope", "created");
    private static final List<String> REFRESH_COLUMNS = List.of("id", "token", "user_id", "application_id",
            "access_token_id", "created", "revoked");
    private static final List<String> GRANT_COLUMNS = List.of("id", "code", "user_id", "application_id", "expires",
            "redirect_uri", "scope", "created", "code_challenge", "code_challenge_method");

    public static DotSchema detect(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        if (!tableExists(meta, schema, APPLICATION)) {
            throw new CommandException("not a Django OAuth Toolkit database: it has no " + APPLICATION + " table");
        }
        for (String table : List.of(USER, GROUP, USER_GROUPS, ACCESS, REFRESH, GRANT)) {
            if (!tableExists(meta, schema, table)) {
                throw new CommandException("unrecognised Django OAuth Toolkit schema: no " + table + " table"
                        + (table.equals(USER) ? " (a custom user model is not supported)" : ""));
            }
        }
        requireColumns(meta, schema, USER, USER_COLUMNS);
        requireColumns(meta, schema, APPLICATION, APPLICATION_COLUMNS);
        requireColumns(meta, schema, ACCESS, ACCESS_COLUMNS);
        requireColumns(meta, schema, REFRESH, REFRESH_COLUMNS);
        requireColumns(meta, schema, GRANT, GRANT_COLUMNS);
        List<String> migrations = tableExists(meta, schema, "django_migrations") ? migrations(connection) : List.of();
        refuseUnknownMigrations(migrations);

        Set<String> app = columns(meta, schema, APPLICATION);
        boolean algorithm = app.contains("algorithm");
        boolean postLogout = app.contains("post_logout_redirect_uris");
        boolean origins = app.contains("allowed_origins");
        boolean hashFlag = app.contains("hash_client_secret");
        Set<String> access = columns(meta, schema, ACCESS);
        boolean checksum = access.contains("token_checksum");
        // DOT 1.3+: the access token a refresh token was rotated into points back at it
        boolean sourceRefresh = access.contains("source_refresh_token_id");
        Set<String> refresh = columns(meta, schema, REFRESH);
        boolean family = refresh.contains("token_family");
        boolean dot2Migration = migrations.contains("oauth2_provider.0006_alter_application_client_secret");
        // DOT 3.1 onwards; each can be told by its columns alone, so a database without migration records is read
        // the same way
        boolean refreshChecksum = refresh.contains("token_checksum");
        boolean resource = access.contains("resource") || refresh.contains("resource")
                || columns(meta, schema, GRANT).contains("resource");
        boolean devices = tableExists(meta, schema, DEVICE_GRANT);
        boolean source = app.contains("registration_source");
        List<String> newer = found(new Evidence(DEVICE_GRANT, devices),
                new Evidence("refresh token_checksum", refreshChecksum), new Evidence("resource indicators", resource),
                new Evidence("registration_source", source),
                new Evidence("cimd_expires_at", app.contains("cimd_expires_at")));
        List<String> dot2 = found(new Evidence("post_logout_redirect_uris", postLogout),
                new Evidence("allowed_origins", origins), new Evidence("hash_client_secret", hashFlag));
        String version;
        List<String> evidence = new ArrayList<>();
        if (!newer.isEmpty()) {
            version = "3.1+";
            evidence.addAll(newer);
        } else if (checksum || family) {
            version = "3.0";
            evidence.add(checksum ? "token_checksum" : "token_family");
        } else if (!dot2.isEmpty() || dot2Migration) {
            version = "2.x";
            evidence.addAll(dot2.isEmpty() ? List.of("migration 0006 (hashed client secrets)") : dot2);
        } else {
            version = "1.x";
            evidence.add(algorithm ? "algorithm column (1.5+), no 2.x columns" : "no algorithm column (before 1.5)");
        }
        String auth = migrations.contains("auth.0012_alter_user_first_name_max_length")
                ? "Django 3.1+ auth schema (auth migration 0012)" : "Django auth schema";
        String describe = auth + ", Django OAuth Toolkit " + version + " (" + String.join(", ", evidence) + ")";
        return new DotSchema(version, algorithm, postLogout, origins, hashFlag, checksum, family, sourceRefresh,
                refreshChecksum, resource, devices, source, describe);
    }

    /** A column or table that tells a DOT version, and whether the database has it. */
    private record Evidence(String name, boolean present) {
    }

    private static List<String> found(Evidence... evidence) {
        return Stream.of(evidence).filter(Evidence::present).map(Evidence::name).toList();
    }

    private static void refuseUnknownMigrations(List<String> migrations) {
        for (String migration : migrations) {
            int dot = migration.indexOf('.');
            String app = migration.substring(0, dot);
            String name = migration.substring(dot + 1);
            int known = app.equals("oauth2_provider") ? KNOWN_DOT_MIGRATIONS
                    : app.equals("auth") ? KNOWN_AUTH_MIGRATIONS : Integer.MAX_VALUE;
            if (number(name) > known) {
                throw new CommandException("unknown newer schema: migration " + migration + " is newer than this "
                        + "Tollgate knows (Django OAuth Toolkit up to 3.4, Django up to 5.x); nothing was imported");
            }
        }
    }

    private static int number(String migrationName) {
        int end = 0;
        while (end < migrationName.length() && Character.isDigit(migrationName.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(migrationName.substring(0, Math.min(end, 6)));
    }

    private static List<String> migrations(Connection connection) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT app, name FROM django_migrations WHERE app IN ('auth', 'oauth2_provider')")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        return out;
    }

    private static boolean tableExists(DatabaseMetaData meta, String schema, String table) throws SQLException {
        try (ResultSet rs = meta.getTables(null, schema, table, null)) {
            return rs.next();
        }
    }

    private static Set<String> columns(DatabaseMetaData meta, String schema, String table) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, null)) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static void requireColumns(DatabaseMetaData meta, String schema, String table, List<String> required)
            throws SQLException {
        Set<String> present = columns(meta, schema, table);
        List<String> missing = required.stream().filter(column -> !present.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw new CommandException("unrecognised Django OAuth Toolkit schema: " + table + " has no "
                    + String.join(", ", missing) + " column" + (missing.size() > 1 ? "s" : ""));
        }
    }
}
