package io.tollgate.ops.djangoimport;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.ops.djangoimport.ImportContext.Mode;
import io.tollgate.ops.djangoimport.ImportReport.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Live refresh tokens, access tokens and authorization codes, matched by their SHA-256 (DOT's plaintext values
 * are hashed here; DOT 3.x's token_checksum already is one). A DOT refresh token and the access token it was
 * issued with become one Tollgate family, so rotation and replay detection carry on after the import.
 */
final class TokenImport {
    private static final int SCOPE_MAX = 1000;

    private record SourceRefresh(long id, String token, Long userId, Long appId, Instant created, Instant revoked,
                                 String family, String scope) {
    }

    private record SourceAccess(long id, String hash, Long userId, Long appId, Instant expires, String scope,
                                Instant created, Long refreshId, String refreshHash, String refreshFamily,
                                Instant refreshRevoked) {
    }

    private record SourceCode(long id, String code, Long userId, Long appId, Instant expires, String redirectUri,
                              String scope, Instant created, String challenge, String challengeMethod) {
    }

    private final ImportContext ctx;
    private final Duration refreshLifetime;

    /** @param refreshLifetime Tollgate's oauth.refreshTokenLifetime; null: refresh tokens never expire */
    TokenImport(ImportContext ctx, Duration refreshLifetime) {
        this.ctx = ctx;
        this.refreshLifetime = refreshLifetime;
    }

    private static String family(long refreshId, String tokenFamily) {
        return tokenFamily != null && !tokenFamily.isBlank() ? "dot-" + tokenFamily.strip() : "dot-r" + refreshId;
    }

    // ---- refresh tokens

    void refreshTokens(Mode mode) {
        boolean family = ctx.schema.tokenFamily();
        ctx.stream("refresh tokens", DotSchema.REFRESH, "SELECT r.id, r.token, r.user_id, r.application_id, "
                        + "r.created, r.revoked" + (family ? ", r.token_family" : "") + ", a.scope FROM "
                        + DotSchema.REFRESH + " r LEFT JOIN " + DotSchema.ACCESS + " a ON a.id = r.access_token_id "
                        + "ORDER BY r.id",
                rs -> new SourceRefresh(rs.getLong("id"), rs.getString("token"), ImportContext.nullableLong(rs, "user_id"),
                        ImportContext.nullableLong(rs, "application_id"), ImportContext.instant(rs, "created"),
                        ImportContext.instant(rs, "revoked"), family ? rs.getString("token_family") : null,
                        rs.getString("scope")),
                batch -> refreshBatch(batch, mode));
    }

    private record ExistingRefresh(long id, boolean revoked) {
    }

    private record NewRefresh(String hash, long app, Long user, String scope, Instant created, Instant expires,
                              String family) {
    }

    private void refreshBatch(List<SourceRefresh> batch, Mode mode) {
        Instant now = ctx.clock.instant();
        Map<String, ExistingRefresh> existing = new HashMap<>();
        List<String> hashes = batch.stream().filter(r -> r.token() != null).map(r -> TokenHasher.sha256Hex(r.token()))
                .toList();
        if (!hashes.isEmpty()) {
            ctx.target.useHandle(handle -> handle.createQuery(
                            "SELECT id, token_hash, revoked FROM oauth_refresh_token WHERE token_hash IN (<hashes>)")
                    .bindList("hashes", hashes)
                    .map((rs, sc) -> existing.put(rs.getString("token_hash"),
                            new ExistingRefresh(rs.getLong("id"), rs.getTimestamp("revoked") != null)))
                    .list());
        }
        List<NewRefresh> inserts = new ArrayList<>();
        Map<Long, Instant> revocations = new HashMap<>();
        for (SourceRefresh r : batch) {
            if (r.token() == null || r.token().isEmpty()) {
                ctx.skip(Kind.REFRESH_TOKENS, "no token value");
                continue;
            }
            String hash = TokenHasher.sha256Hex(r.token());
            ExistingRefresh found = existing.get(hash);
            if (r.revoked() != null) {
                // Revoked in Django after the last run (a rotation, a revocation): revoke it here too.
                if (found != null && !found.revoked()) {
                    revocations.put(found.id(), r.revoked());
                    ctx.report.updated(Kind.REFRESH_TOKENS);
                } else {
                    ctx.skip(Kind.REFRESH_TOKENS, "revoked");
                }
                continue;
            }
            if (found != null) {
                ctx.report.unchanged(Kind.REFRESH_TOKENS);
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
            inserts.add(new NewRefresh(hash, ctx.applications.get(r.appId()), ctx.users.get(r.userId()),
                    ScopeSet.parse(r.scope()).asString(), r.created(), expires, family(r.id(), r.family())));
            ctx.report.imported(Kind.REFRESH_TOKENS);
        }
        if (mode != Mode.WRITE || (inserts.isEmpty() && revocations.isEmpty())) {
            return;
        }
        ctx.target.useTransaction(handle -> {
            if (!inserts.isEmpty()) {
                PreparedBatch insert = handle.prepareBatch("INSERT INTO oauth_refresh_token (token_hash, application_id, "
                        + "user_id, scope, created, expires, family_id) VALUES (:hash, :app, :user, :scope, :created, "
                        + ":expires, :family)");
                inserts.forEach(r -> insert.bind("hash", r.hash()).bind("app", r.app()).bind("user", r.user())
                        .bind("scope", r.scope()).bind("created", r.created()).bind("expires", r.expires())
                        .bind("family", r.family()).add());
                insert.execute();
            }
            revocations.forEach((id, at) -> {
                handle.createUpdate("UPDATE oauth_refresh_token SET revoked = :at WHERE id = :id AND revoked IS NULL")
                        .bind("at", at).bind("id", id).execute();
                handle.createUpdate("UPDATE oauth_access_token SET revoked = :at WHERE refresh_token_id = :id "
                        + "AND revoked IS NULL").bind("at", at).bind("id", id).execute();
            });
        });
    }

    // ---- access tokens

    void accessTokens(Mode mode) {
        boolean checksum = ctx.schema.tokenChecksum();
        boolean family = ctx.schema.tokenFamily();
        ctx.stream("access tokens", DotSchema.ACCESS, "SELECT a.id, a.token" + (checksum ? ", a.token_checksum" : "")
                        + ", a.user_id, a.application_id, a.expires, a.scope, a.created, r.id AS refresh_id, "
                        + "r.token AS refresh_token, r.revoked AS refresh_revoked"
                        + (family ? ", r.token_family AS refresh_family" : "") + " FROM " + DotSchema.ACCESS + " a "
                        + "LEFT JOIN " + DotSchema.REFRESH + " r ON r.access_token_id = a.id ORDER BY a.id",
                rs -> {
                    String sum = checksum ? rs.getString("token_checksum") : null;
                    String token = rs.getString("token");
                    String hash = sum != null && sum.matches("[0-9a-f]{64}") ? sum
                            : token == null || token.isEmpty() ? null : TokenHasher.sha256Hex(token);
                    String refreshToken = rs.getString("refresh_token");
                    return new SourceAccess(rs.getLong("id"), hash, ImportContext.nullableLong(rs, "user_id"),
                            ImportContext.nullableLong(rs, "application_id"), ImportContext.instant(rs, "expires"),
                            rs.getString("scope"), ImportContext.instant(rs, "created"),
                            ImportContext.nullableLong(rs, "refresh_id"),
                            refreshToken == null ? null : TokenHasher.sha256Hex(refreshToken),
                            family ? rs.getString("refresh_family") : null, ImportContext.instant(rs, "refresh_revoked"));
                },
                batch -> accessBatch(batch, mode));
    }

    private record NewAccess(String hash, long app, Long user, String scope, Instant created, Instant expires,
                             Long refreshId, String family) {
    }

    private void accessBatch(List<SourceAccess> batch, Mode mode) {
        Instant now = ctx.clock.instant();
        List<String> hashes = batch.stream().map(SourceAccess::hash).filter(h -> h != null).toList();
        List<String> present = hashes.isEmpty() ? List.of() : ctx.target.withHandle(handle -> handle.createQuery(
                        "SELECT token_hash FROM oauth_access_token WHERE token_hash IN (<hashes>)")
                .bindList("hashes", hashes).mapTo(String.class).list());
        List<String> refreshHashes = batch.stream().filter(a -> a.refreshHash() != null && a.refreshRevoked() == null)
                .map(SourceAccess::refreshHash).toList();
        Map<String, Long> refreshIds = new HashMap<>();
        if (!refreshHashes.isEmpty()) {
            ctx.target.useHandle(handle -> handle.createQuery(
                            "SELECT id, token_hash FROM oauth_refresh_token WHERE token_hash IN (<hashes>)")
                    .bindList("hashes", refreshHashes)
                    .map((rs, sc) -> refreshIds.put(rs.getString("token_hash"), rs.getLong("id"))).list());
        }
        java.util.Set<String> existing = new java.util.HashSet<>(present);
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
            String problem = tokenProblem(a.appId(), a.userId(), false, a.scope(), a.created());
            if (problem != null) {
                ctx.skip(Kind.ACCESS_TOKENS, problem);
                continue;
            }
            boolean liveRefresh = a.refreshId() != null && a.refreshRevoked() == null;
            Long refreshId = liveRefresh ? refreshIds.get(a.refreshHash()) : null;
            String family = liveRefresh ? family(a.refreshId(), a.refreshFamily()) : "dot-a" + a.id();
            inserts.add(new NewAccess(a.hash(), ctx.applications.get(a.appId()),
                    a.userId() == null ? null : ctx.users.get(a.userId()), ScopeSet.parse(a.scope()).asString(),
                    a.created(), a.expires(), refreshId, family));
            ctx.report.imported(Kind.ACCESS_TOKENS);
        }
        if (mode != Mode.WRITE || inserts.isEmpty()) {
            return;
        }
        ctx.target.useTransaction(handle -> {
            PreparedBatch insert = handle.prepareBatch("INSERT INTO oauth_access_token (token_hash, application_id, "
                    + "user_id, scope, created, expires, refresh_token_id, family_id) VALUES (:hash, :app, :user, "
                    + ":scope, :created, :expires, :refresh, :family)");
            inserts.forEach(a -> insert.bind("hash", a.hash()).bind("app", a.app()).bind("user", a.user())
                    .bind("scope", a.scope()).bind("created", a.created()).bind("expires", a.expires())
                    .bind("refresh", a.refreshId()).bind("family", a.family()).add());
            insert.execute();
        });
    }

    // ---- authorization codes

    void codes(Mode mode) {
        ctx.stream("authorization codes", DotSchema.GRANT, "SELECT id, code, user_id, application_id, expires, "
                        + "redirect_uri, scope, created, code_challenge, code_challenge_method FROM " + DotSchema.GRANT
                        + " ORDER BY id",
                rs -> new SourceCode(rs.getLong("id"), rs.getString("code"), ImportContext.nullableLong(rs, "user_id"),
                        ImportContext.nullableLong(rs, "application_id"), ImportContext.instant(rs, "expires"),
                        rs.getString("redirect_uri"), rs.getString("scope"), ImportContext.instant(rs, "created"),
                        rs.getString("code_challenge"), rs.getString("code_challenge_method")),
                batch -> codesBatch(batch, mode));
    }

    private void codesBatch(List<SourceCode> batch, Mode mode) {
        Instant now = ctx.clock.instant();
        List<String> hashes = batch.stream().filter(c -> c.code() != null).map(c -> TokenHasher.sha256Hex(c.code()))
                .toList();
        java.util.Set<String> existing = new java.util.HashSet<>(hashes.isEmpty() ? List.of()
                : ctx.target.withHandle(handle -> handle.createQuery(
                        "SELECT code_hash FROM oauth_authorization_code WHERE code_hash IN (<hashes>)")
                .bindList("hashes", hashes).mapTo(String.class).list()));
        List<SourceCode> inserts = new ArrayList<>();
        for (SourceCode c : batch) {
            if (c.code() == null || c.code().isEmpty()) {
                ctx.skip(Kind.CODES, "no code value");
            } else if (existing.contains(TokenHasher.sha256Hex(c.code()))) {
                ctx.report.unchanged(Kind.CODES);
            } else if (c.expires() == null || !now.isBefore(c.expires())) {
                ctx.skip(Kind.CODES, "expired");
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
        if (mode != Mode.WRITE || inserts.isEmpty()) {
            return;
        }
        ctx.target.useTransaction(handle -> {
            PreparedBatch insert = handle.prepareBatch("INSERT INTO oauth_authorization_code (code_hash, application_id, "
                    + "user_id, redirect_uri, scope, code_challenge, code_challenge_method, created, expires, family_id) "
                    + "VALUES (:hash, :app, :user, :uri, :scope, :challenge, :method, :created, :expires, :family)");
            inserts.forEach(c -> insert.bind("hash", TokenHasher.sha256Hex(c.code()))
                    .bind("app", ctx.applications.get(c.appId())).bind("user", ctx.users.get(c.userId()))
                    .bind("uri", c.redirectUri()).bind("scope", ScopeSet.parse(c.scope()).asString())
                    .bind("challenge", blankToNull(c.challenge())).bind("method", blankToNull(c.challengeMethod()))
                    .bind("created", c.created()).bind("expires", c.expires()).bind("family", "dot-g" + c.id()).add());
            insert.execute();
        });
    }

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
            try {
                ScopeSet.parse(scope);
            } catch (OAuthException malformed) {
                return "malformed scope";
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
