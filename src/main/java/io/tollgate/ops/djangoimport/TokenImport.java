package io.tollgate.ops.djangoimport;

import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.ops.djangoimport.ImportContext.Mode;
import io.tollgate.ops.djangoimport.ImportReport.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Live refresh tokens, access tokens and authorization codes, matched by their SHA-256 (DOT's plaintext values
 * are hashed here; DOT 3.x's token_checksum already is one). A DOT refresh token and the access token it was
 * issued with become one Tollgate family, so rotation and replay detection carry on after the import.
 */
final class TokenImport {
    private static final int SCOPE_MAX = 1000;
    private static final Pattern CHECKSUM = Pattern.compile("[0-9a-f]{64}");
    /** The report's reason for a refresh token DOT revoked when it issued the next one. */
    static final String ROTATED = "revoked (rotated: DOT issued a newer refresh token in its place)";
    /**
     * Why a DOT 3.1+ token or code bound to RFC 8707 resource indicators stays behind: Tollgate's tokens carry no
     * audience, so the imported token would be accepted by every resource server instead of the ones it names.
     */
    static final String RESOURCE_BOUND = "bound to a resource indicator (RFC 8707): Tollgate's tokens have no "
            + "audience, and unbound it would be accepted by every resource server; the client asks for a new one";

    private record SourceRefresh(long id, String hash, Long userId, Long appId, Instant created, Instant revoked,
                                 boolean rotated, String family, String scope, boolean bound) {
    }

    private record SourceAccess(long id, String hash, Long userId, Long appId, Instant expires, String scope,
                                Instant created, Long refreshId, String refreshHash, String refreshFamily,
                                Instant refreshRevoked, boolean bound) {
    }

    private record SourceCode(long id, String hash, Long userId, Long appId, Instant expires, String redirectUri,
                              String scope, Instant created, String challenge, String challengeMethod,
                              boolean bound) {
    }

    private final ImportContext ctx;
    private final Duration refreshLifetime;
    private final ScopeCache scopes = new ScopeCache();

    /** @param refreshLifetime Tollgate's oauth.refreshTokenLifetime; null: refresh tokens never expire */
    TokenImport(ImportContext ctx, Duration refreshLifetime) {
        this.ctx = ctx;
        this.refreshLifetime = refreshLifetime;
    }

    /** A row's SHA-256: DOT 3.x's token_checksum as it is, else the plaintext hashed (null when neither is there). */
    private static String hash(String checksum, String token) {
        if (checksum != null && CHECKSUM.matcher(checksum).matches()) {
            return checksum;
        }
        return token == null || token.isEmpty() ? null : TokenHasher.sha256Hex(token);
    }

    /** DOT 3.1+'s resource column: a JSON list of resource URIs, empty when the token is unrestricted. */
    private boolean bound(ResultSet rs, String column) throws SQLException {
        if (!ctx.schema.resource()) {
            return false;
        }
        String json = rs.getString(column);
        if (json == null) {
            return false;
        }
        String compact = json.replaceAll("\\s", "");
        return !(compact.isEmpty() || compact.equals("[]") || compact.equals("null"));
    }

    /** The column list a query adds for DOT 3.1+'s resource indicators, or nothing before 3.1. */
    private String resourceColumn(String alias, String as) {
        return ctx.schema.resource() ? ", " + alias + ".resource AS " + as : "";
    }

    private static String family(long refreshId, String tokenFamily) {
        return tokenFamily != null && !tokenFamily.isBlank() ? "dot-" + tokenFamily.strip() : "dot-r" + refreshId;
    }

    // ---- refresh tokens

    void refreshTokens(Mode mode) {
        boolean family = ctx.schema.tokenFamily();
        boolean checksum = ctx.schema.refreshChecksum();
        // DOT revokes a refresh token when it rotates it, and the new access token points back at it.
        String rotated = ctx.schema.sourceRefreshToken() ? "CASE WHEN r.revoked IS NOT NULL AND EXISTS (SELECT 1 FROM "
                + DotSchema.ACCESS + " s WHERE s.source_refresh_token_id = r.id) THEN 1 ELSE 0 END" : "0";
        ctx.stream("refresh tokens", DotSchema.REFRESH, "SELECT r.id, r.token, r.user_id, r.application_id, "
                        + "r.created, r.revoked" + (family ? ", r.token_family" : "")
                        + (checksum ? ", r.token_checksum" : "") + resourceColumn("r", "resource") + ", a.scope, "
                        + rotated + " AS rotated FROM " + DotSchema.REFRESH + " r LEFT JOIN " + DotSchema.ACCESS
                        + " a ON a.id = r.access_token_id ORDER BY r.id",
                rs -> new SourceRefresh(rs.getLong("id"),
                        hash(checksum ? rs.getString("token_checksum") : null, rs.getString("token")),
                        ImportContext.nullableLong(rs, "user_id"), ImportContext.nullableLong(rs, "application_id"),
                        ImportContext.instant(rs, "created"), ImportContext.instant(rs, "revoked"),
                        rs.getInt("rotated") == 1, family ? rs.getString("token_family") : null,
                        rs.getString("scope"), bound(rs, "resource")),
                batch -> ctx.useTransaction(handle -> refreshBatch(handle, batch, mode)));
    }

    private record ExistingRefresh(long id, boolean revoked) {
    }

    private record NewRefresh(String hash, long app, Long user, String scope, Instant created, Instant expires,
                              String family) {
    }

    /** One batch, in one transaction: what Tollgate has is read in one query, the rest inserted as one batch. */
    private void refreshBatch(Handle handle, List<SourceRefresh> batch, Mode mode) {
        Instant now = ctx.clock.instant();
        Map<String, ExistingRefresh> existing = new HashMap<>();
        ImportContext.lookup(handle, "SELECT id, token_hash, revoked FROM oauth_refresh_token WHERE token_hash",
                batch.stream().map(SourceRefresh::hash).filter(h -> h != null).toList(),
                rs -> existing.put(rs.getString(2), new ExistingRefresh(rs.getLong(1), rs.getObject(3) != null)));
        List<NewRefresh> inserts = new ArrayList<>();
        Map<Long, Instant> revocations = new HashMap<>();
        for (SourceRefresh r : batch) {
            if (r.hash() == null) {
                ctx.skip(Kind.REFRESH_TOKENS, "no token value");
                continue;
            }
            ExistingRefresh found = existing.get(r.hash());
            if (r.revoked() != null) {
                // Revoked in Django after the last run (a rotation, a revocation): revoke it here too.
                if (found != null && !found.revoked()) {
                    revocations.put(found.id(), r.revoked());
                    ctx.report.updated(Kind.REFRESH_TOKENS);
                } else {
                    // A rotated one is no loss: its successor (a live row of its own) carries the family on.
                    ctx.skip(Kind.REFRESH_TOKENS, r.rotated() ? ROTATED : "revoked");
                }
                continue;
            }
            if (found != null) {
                ctx.report.unchanged(Kind.REFRESH_TOKENS);
                continue;
            }
            if (r.bound()) {
                ctx.skip(Kind.REFRESH_TOKENS, RESOURCE_BOUND);
                continue;
            }
            Instant expires = refreshLifetime == null || r.created() == null ? null : r.created().plus(refreshLifetime);
            String problem = tokenProblem(r.appId(), r.userId(), true, r.scope(), r.created());
            if (problem == null && expires != null && !now.isBefore(expires)) {
                problem = "expired (older than Tollgate's oauth.refreshTokenLifetime)";
            }
            if (problem == null && r.scope() == null) {
                problem = "its access token is gone, so its scope is unknown";
            }
            if (problem != null) {
                ctx.skip(Kind.REFRESH_TOKENS, problem);
                continue;
            }
            inserts.add(new NewRefresh(r.hash(), ctx.applications.get(r.appId()), ctx.users.get(r.userId()),
                    scopes.normalise(r.scope()), r.created(), expires, family(r.id(), r.family())));
            ctx.report.imported(Kind.REFRESH_TOKENS);
        }
        if (mode != Mode.WRITE) {
            return;
        }
        ImportContext.insertAll(handle, "INSERT INTO oauth_refresh_token (token_hash, application_id, user_id, scope, "
                + "created, expires, family_id) VALUES (?, ?, ?, ?, ?, ?, ?)", inserts, (ps, r) -> {
                    ps.setString(1, r.hash());
                    ps.setLong(2, r.app());
                    ImportContext.setLong(ps, 3, r.user());
                    ps.setString(4, r.scope());
                    ImportContext.setInstant(ps, 5, r.created());
                    ImportContext.setInstant(ps, 6, r.expires());
                    ps.setString(7, r.family());
                });
        revocations.forEach((id, at) -> {
            handle.createUpdate("UPDATE oauth_refresh_token SET revoked = :at WHERE id = :id AND revoked IS NULL")
                    .bind("at", at).bind("id", id).execute();
            handle.createUpdate("UPDATE oauth_access_token SET revoked = :at WHERE refresh_token_id = :id "
                    + "AND revoked IS NULL").bind("at", at).bind("id", id).execute();
        });
    }

    // ---- access tokens

    void accessTokens(Mode mode) {
        boolean checksum = ctx.schema.tokenChecksum();
        boolean refreshChecksum = ctx.schema.refreshChecksum();
        boolean family = ctx.schema.tokenFamily();
        ctx.stream("access tokens", DotSchema.ACCESS, "SELECT a.id, a.token" + (checksum ? ", a.token_checksum" : "")
                        + ", a.user_id, a.application_id, a.expires, a.scope, a.created, r.id AS refresh_id, "
                        + "r.token AS refresh_token, r.revoked AS refresh_revoked"
                        + (refreshChecksum ? ", r.token_checksum AS refresh_checksum" : "")
                        + (family ? ", r.token_family AS refresh_family" : "") + resourceColumn("a", "resource")
                        + " FROM " + DotSchema.ACCESS + " a "
                        + "LEFT JOIN " + DotSchema.REFRESH + " r ON r.access_token_id = a.id ORDER BY a.id",
                rs -> new SourceAccess(rs.getLong("id"),
                        hash(checksum ? rs.getString("token_checksum") : null, rs.getString("token")),
                        ImportContext.nullableLong(rs, "user_id"),
                        ImportContext.nullableLong(rs, "application_id"), ImportContext.instant(rs, "expires"),
                        rs.getString("scope"), ImportContext.instant(rs, "created"),
                        ImportContext.nullableLong(rs, "refresh_id"),
                        hash(refreshChecksum ? rs.getString("refresh_checksum") : null, rs.getString("refresh_token")),
                        family ? rs.getString("refresh_family") : null, ImportContext.instant(rs, "refresh_revoked"),
                        bound(rs, "resource")),
                batch -> ctx.useTransaction(handle -> accessBatch(handle, batch, mode)));
    }

    private record NewAccess(String hash, long app, Long user, String scope, Instant created, Instant expires,
                             Long refreshId, String family) {
    }

    private void accessBatch(Handle handle, List<SourceAccess> batch, Mode mode) {
        Instant now = ctx.clock.instant();
        Set<String> existing = ImportContext.present(handle, "oauth_access_token", "token_hash",
                batch.stream().map(SourceAccess::hash).filter(h -> h != null).toList());
        Map<String, Long> refreshIds = new HashMap<>();
        ImportContext.lookup(handle, "SELECT id, token_hash FROM oauth_refresh_token WHERE token_hash",
                batch.stream().filter(a -> a.refreshHash() != null && a.refreshRevoked() == null)
                        .map(SourceAccess::refreshHash).toList(),
                rs -> refreshIds.put(rs.getString(2), rs.getLong(1)));
        List<NewAccess> inserts = new ArrayList<>();
        for (SourceAccess a : batch) {
            if (a.hash() == null) {
                ctx.skip(Kind.ACCESS_TOKENS, "no token value");
                continue;
            }
            if (existing.contains(a.hash())) {
                ctx.report.unchanged(Kind.ACCESS_TOKENS);
                continue;
            }
            if (a.expires() == null || !now.isBefore(a.expires())) {
                ctx.skip(Kind.ACCESS_TOKENS, "expired");
                continue;
            }
            String problem = a.bound() ? RESOURCE_BOUND
                    : tokenProblem(a.appId(), a.userId(), false, a.scope(), a.created());
            if (problem != null) {
                ctx.skip(Kind.ACCESS_TOKENS, problem);
                continue;
            }
            boolean liveRefresh = a.refreshId() != null && a.refreshRevoked() == null;
            Long refreshId = liveRefresh ? refreshIds.get(a.refreshHash()) : null;
            String family = liveRefresh ? family(a.refreshId(), a.refreshFamily()) : "dot-a" + a.id();
            inserts.add(new NewAccess(a.hash(), ctx.applications.get(a.appId()),
                    a.userId() == null ? null : ctx.users.get(a.userId()), scopes.normalise(a.scope()),
                    a.created(), a.expires(), refreshId, family));
            ctx.report.imported(Kind.ACCESS_TOKENS);
        }
        if (mode != Mode.WRITE) {
            return;
        }
        ImportContext.insertAll(handle, "INSERT INTO oauth_access_token (token_hash, application_id, user_id, scope, "
                + "created, expires, refresh_token_id, family_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", inserts, (ps, a) -> {
                    ps.setString(1, a.hash());
                    ps.setLong(2, a.app());
                    ImportContext.setLong(ps, 3, a.user());
                    ps.setString(4, a.scope());
                    ImportContext.setInstant(ps, 5, a.created());
                    ImportContext.setInstant(ps, 6, a.expires());
                    ImportContext.setLong(ps, 7, a.refreshId());
                    ps.setString(8, a.family());
                });
    }

    // ---- authorization codes

    void codes(Mode mode) {
        ctx.stream("authorization codes", DotSchema.GRANT, "SELECT id, code, user_id, application_id, expires, "
                        + "redirect_uri, scope, created, code_challenge, code_challenge_method"
                        + resourceColumn("g", "resource") + " FROM " + DotSchema.GRANT + " g ORDER BY id",
                rs -> new SourceCode(rs.getLong("id"), hash(null, rs.getString("code")),
                        ImportContext.nullableLong(rs, "user_id"),
                        ImportContext.nullableLong(rs, "application_id"), ImportContext.instant(rs, "expires"),
                        rs.getString("redirect_uri"), rs.getString("scope"), ImportContext.instant(rs, "created"),
                        rs.getString("code_challenge"), rs.getString("code_challenge_method"),
                        bound(rs, "resource")),
                batch -> ctx.useTransaction(handle -> codesBatch(handle, batch, mode)));
    }

    private void codesBatch(Handle handle, List<SourceCode> batch, Mode mode) {
        Instant now = ctx.clock.instant();
        Set<String> existing = ImportContext.present(handle, "oauth_authorization_code", "code_hash",
                batch.stream().map(SourceCode::hash).filter(h -> h != null).toList());
        List<SourceCode> inserts = new ArrayList<>();
        for (SourceCode c : batch) {
            if (c.hash() == null) {
                ctx.skip(Kind.CODES, "no code value");
            } else if (existing.contains(c.hash())) {
                ctx.report.unchanged(Kind.CODES);
            } else if (c.expires() == null || !now.isBefore(c.expires())) {
                ctx.skip(Kind.CODES, "expired");
            } else if (c.bound()) {
                ctx.skip(Kind.CODES, RESOURCE_BOUND);
            } else {
                String problem = tokenProblem(c.appId(), c.userId(), true, c.scope(), c.created());
                if (problem == null && (c.redirectUri() == null || c.redirectUri().length() > 2000
                        || ImportContext.hasNul(c.redirectUri()))) {
                    problem = "redirect URI missing or longer than 2000 characters";
                }
                if (problem != null) {
                    ctx.skip(Kind.CODES, problem);
                } else {
                    inserts.add(c);
                    ctx.report.imported(Kind.CODES);
                }
            }
        }
        if (mode != Mode.WRITE) {
            return;
        }
        ImportContext.insertAll(handle, "INSERT INTO oauth_authorization_code (code_hash, application_id, user_id, "
                + "redirect_uri, scope, code_challenge, code_challenge_method, created, expires, family_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts, (ps, c) -> {
                    ps.setString(1, c.hash());
                    ps.setLong(2, ctx.applications.get(c.appId()));
                    ps.setLong(3, ctx.users.get(c.userId()));
                    ps.setString(4, c.redirectUri());
                    ps.setString(5, scopes.normalise(c.scope()));
                    ps.setString(6, blankToNull(c.challenge()));
                    ps.setString(7, blankToNull(c.challengeMethod()));
                    ImportContext.setInstant(ps, 8, c.created());
                    ImportContext.setInstant(ps, 9, c.expires());
                    ps.setString(10, "dot-g" + c.id());
                });
    }

    // ---- device grants (DOT 3.1+)

    /** A DOT device flow: its status (authorization-pending, authorized, denied, expired) and expiry. */
    private record SourceDevice(String status, Instant expires) {
    }

    /**
     * Counts DOT's RFC 8628 device flows and carries none over. A flow lives minutes; one still pending would have
     * to move between the device's polling and the user's approval mid-way, so the device simply starts again
     * against Tollgate (which has the device grant). Tokens a finished flow issued are ordinary tokens, imported
     * above.
     */
    void deviceGrants() {
        if (!ctx.schema.deviceGrants()) {
            return;
        }
        Instant now = ctx.clock.instant();
        ctx.stream("device grants", DotSchema.DEVICE_GRANT, "SELECT status, expires FROM " + DotSchema.DEVICE_GRANT
                        + " ORDER BY id",
                rs -> new SourceDevice(rs.getString("status"), ImportContext.instant(rs, "expires")),
                batch -> batch.forEach(d -> ctx.skip(Kind.DEVICE_GRANTS, deviceReason(d, now))));
    }

    private static String deviceReason(SourceDevice device, Instant now) {
        if (device.expires() == null || !now.isBefore(device.expires()) || "expired".equals(device.status())) {
            return "expired";
        }
        return switch (device.status() == null ? "" : device.status()) {
            case "authorization-pending" -> DEVICE_IN_PROGRESS + " (waiting for the user)";
            case "authorized" -> DEVICE_IN_PROGRESS + " (approved, tokens not yet collected)";
            case "denied" -> "denied";
            default -> "unknown status " + device.status();
        };
    }

    static final String DEVICE_IN_PROGRESS = "in progress: a device flow lives minutes and is not carried over; "
            + "the device starts a new one against Tollgate";

    /** Why a token or code cannot be carried over (its application or user was not imported, ...), or null. */
    private String tokenProblem(Long appId, Long userId, boolean userRequired, String scope, Instant created) {
        if (appId == null || !ctx.applications.containsKey(appId)) {
            return "application not imported";
        }
        if (userId == null ? userRequired : !ctx.users.containsKey(userId)) {
            return "user not imported";
        }
        if (created == null) {
            return "no created date";
        }
        if (scope != null) {
            if (scope.length() > SCOPE_MAX || ImportContext.hasNul(scope)) {
                return "scope longer than " + SCOPE_MAX + " characters";
            }
            if (scopes.normalise(scope) == null) {
                return "malformed scope";
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
