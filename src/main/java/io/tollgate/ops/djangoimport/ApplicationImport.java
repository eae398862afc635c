package io.tollgate.ops.djangoimport;

import io.tollgate.oauth.client.ClientRegistrations;
import io.tollgate.oauth.client.RedirectUris;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.ops.djangoimport.ImportContext.Mode;
import io.tollgate.ops.djangoimport.ImportReport.Kind;
import io.tollgate.users.hashers.DjangoHashFormats;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** oauth2_provider_application → oauth_application, matched by client_id. */
final class ApplicationImport {
    static final String IMPORTED_SECRET_HEADING = "Applications on an imported Django-hashed secret (replaced by "
            + "SHA-256 at their first successful authentication; see the io.tollgate.clients.imported-secret-hashes gauge)";
    static final String DROPPED_URI_HEADING = "Redirect URIs Tollgate refuses, left out";
    /** Tollgate's limit on a space-separated URI list (oauth_application's VARCHAR(4000) columns). */
    private static final int MAX_URI_LIST = 4000;
    static final String NOT_CARRIED_HEADING = "Application settings Tollgate has no place for, not carried over";

    private record SourceApp(long id, String clientId, String redirectUris, String clientType, String grant,
                             String secret, String name, Long userId, boolean skipAuthorization, Instant created,
                             Instant updated, String algorithm, String postLogout, String origins,
                             Boolean hashClientSecret, String registrationSource) {
    }

    private record NewApp(long id, SourceApp source, Set<GrantType> grants, List<String> redirectUris,
                          List<String> postLogoutUris, String secretHash, String importedSecret, Long owner) {
    }

    private final ImportContext ctx;
    private final DjangoHashFormats formats;

    ApplicationImport(ImportContext ctx, DjangoHashFormats formats) {
        this.ctx = ctx;
        this.formats = formats;
    }

    void run(Mode mode) {
        DotSchema schema = ctx.schema;
        String sql = "SELECT id, client_id, redirect_uris, client_type, authorization_grant_type, client_secret, name, "
                + "user_id, skip_authorization, created, updated"
                + (schema.algorithm() ? ", algorithm" : "")
                + (schema.postLogoutRedirectUris() ? ", post_logout_redirect_uris" : "")
                + (schema.allowedOrigins() ? ", allowed_origins" : "")
                + (schema.hashClientSecret() ? ", hash_client_secret" : "")
                + (schema.registrationSource() ? ", registration_source" : "")
                + " FROM " + DotSchema.APPLICATION + " ORDER BY id";
        IdAllocator ids = new IdAllocator(ctx, DotSchema.APPLICATION, "oauth_application", mode);
        ctx.stream("applications", DotSchema.APPLICATION, sql, rs -> new SourceApp(rs.getLong("id"),
                        rs.getString("client_id"), rs.getString("redirect_uris"), rs.getString("client_type"),
                        rs.getString("authorization_grant_type"), rs.getString("client_secret"), rs.getString("name"),
                        ImportContext.nullableLong(rs, "user_id"), rs.getBoolean("skip_authorization"),
                        ImportContext.instant(rs, "created"), ImportContext.instant(rs, "updated"),
                        schema.algorithm() ? rs.getString("algorithm") : null,
                        schema.postLogoutRedirectUris() ? rs.getString("post_logout_redirect_uris") : null,
                        schema.allowedOrigins() ? rs.getString("allowed_origins") : null,
                        schema.hashClientSecret() ? rs.getBoolean("hash_client_secret") : null,
                        schema.registrationSource() ? rs.getString("registration_source") : null),
                batch -> batch(batch, mode, ids));
    }

    private void batch(List<SourceApp> batch, Mode mode, IdAllocator ids) {
        Map<String, Long> existing = new HashMap<>();
        List<String> clientIds = batch.stream().map(SourceApp::clientId).filter(id -> id != null).toList();
        if (!clientIds.isEmpty()) {
            ctx.useHandle(handle -> handle.createQuery(
                            "SELECT id, client_id FROM oauth_application WHERE client_id IN (<ids>)")
                    .bindList("ids", clientIds)
                    .map((rs, sc) -> existing.put(rs.getString("client_id"), rs.getLong("id"))).list());
        }
        List<SourceApp> fresh = new ArrayList<>();
        for (SourceApp app : batch) {
            Long found = app.clientId() == null ? null : existing.get(app.clientId());
            if (found != null) {
                ctx.applications.put(app.id(), found);
                if (mode != Mode.MAP_ONLY) {
                    ctx.report.unchanged(Kind.APPLICATIONS);
                }
            } else {
                fresh.add(app);
            }
        }
        if (mode == Mode.MAP_ONLY) {
            return;
        }
        List<NewApp> planned = new ArrayList<>();
        List<SourceApp> accepted = new ArrayList<>();
        for (SourceApp app : fresh) {
            Optional<NewApp> plan = plan(app);
            if (plan.isPresent()) {
                planned.add(plan.get());
                accepted.add(app);
            }
        }
        Map<Long, Long> assigned = ids.assign(accepted.stream().map(SourceApp::id).toList());
        List<NewApp> inserts = new ArrayList<>();
        for (NewApp app : planned) {
            long id = assigned.get(app.source().id());
            if (id != app.source().id()) {
                ctx.report.note(UserImport.MAPPED_HEADING,
                        "application " + app.source().clientId() + ": " + app.source().id() + " -> " + id);
            }
            ctx.applications.put(app.source().id(), id);
            inserts.add(new NewApp(id, app.source(), app.grants(), app.redirectUris(), app.postLogoutUris(),
                    app.secretHash(), app.importedSecret(), app.owner()));
            ctx.report.imported(Kind.APPLICATIONS);
            if (app.importedSecret() != null) {
                ctx.report.note(IMPORTED_SECRET_HEADING, app.source().clientId() + " (" + app.source().name() + ")");
            }
        }
        if (mode == Mode.WRITE && !inserts.isEmpty()) {
            ctx.useTransaction(handle -> {
                ids.reserve(handle);
                ImportContext.insertAll(handle, "INSERT INTO oauth_application (id, client_id, client_secret_hash, "
                        + "client_secret_imported, name, user_id, client_type, grant_types, redirect_uris, "
                        + "post_logout_redirect_uris, allowed_scopes, skip_authorization, created, updated) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)", inserts, ApplicationImport::bind);
            });
        }
    }

    private static void bind(PreparedStatement ps, NewApp app) throws SQLException {
        SourceApp s = app.source();
        ps.setLong(1, app.id());
        ps.setString(2, s.clientId());
        ps.setString(3, app.secretHash());
        ps.setString(4, app.importedSecret());
        ps.setString(5, s.name() == null ? "" : s.name());
        ImportContext.setLong(ps, 6, app.owner());
        ps.setString(7, s.clientType());
        ps.setString(8, app.grants().stream().map(GrantType::wireName).sorted().collect(Collectors.joining(" ")));
        ps.setString(9, String.join(" ", app.redirectUris()));
        ps.setString(10, String.join(" ", app.postLogoutUris()));
        ps.setBoolean(11, s.skipAuthorization());
        ImportContext.setInstant(ps, 12, s.created());
        ImportContext.setInstant(ps, 13, s.updated() == null ? s.created() : s.updated());
    }

    /** The Tollgate client for a DOT application, or empty (and a report entry) when it cannot be one. */
    private Optional<NewApp> plan(SourceApp app) {
        if (app.clientId() == null || app.clientId().isEmpty() || app.clientId().length() > 100
                || ImportContext.hasNul(app.clientId(), app.secret(), app.name(), app.redirectUris(), app.postLogout())) {
            return skip(app, "client_id empty, longer than 100 or with a NUL character");
        }
        if (app.created() == null) {
            return skip(app, "no created date");
        }
        if ("cimd".equals(app.registrationSource())) {
            // DOT re-reads such a client's metadata from its client_id URL; frozen here it would go stale
            return skip(app, "a Client ID Metadata Document client: Tollgate does not fetch client metadata from "
                    + "the client_id URL");
        }
        boolean confidential = "confidential".equals(app.clientType());
        if (!confidential && !"public".equals(app.clientType())) {
            return skip(app, "unknown client type " + app.clientType());
        }
        Set<GrantType> grants = grants(app.grant());
        if (grants == null) {
            return skip(app, "grant type " + app.grant() + " is not offered by Tollgate"
                    + ("implicit".equals(app.grant()) ? " (OAuth 2.1 drops the implicit grant)" : ""));
        }
        if (!confidential && grants.contains(GrantType.CLIENT_CREDENTIALS)) {
            return skip(app, "a public client cannot use the client credentials grant");
        }
        List<String> uris = acceptedUris(app.clientId(), app.redirectUris(), "");
        List<String> postLogout = acceptedUris(app.clientId(), app.postLogout(), " (post-logout)");
        if (String.join(" ", uris).length() > MAX_URI_LIST || String.join(" ", postLogout).length() > MAX_URI_LIST) {
            return skip(app, "redirect URIs longer than " + MAX_URI_LIST + " characters in all");
        }
        if (grants.contains(GrantType.AUTHORIZATION_CODE) && uris.isEmpty()) {
            return skip(app, "no redirect URI that Tollgate accepts (plain http is allowed only for loopback)");
        }
        String secretHash = null;
        String imported = null;
        if (confidential) {
            String secret = app.secret() == null ? "" : app.secret();
            boolean hashed = !Boolean.FALSE.equals(app.hashClientSecret())
                    && formats.classify(secret) == DjangoHashFormats.Kind.USABLE;
            if (hashed && secret.length() <= 256) {
                imported = secret;
            } else if (secret.isEmpty()) {
                return skip(app, "a confidential client without a secret");
            } else if (secret.length() < ClientRegistrations.MIN_IMPORTED_SECRET_LENGTH) {
                return skip(app, "client secret shorter than " + ClientRegistrations.MIN_IMPORTED_SECRET_LENGTH
                        + " characters (register it anew with createapplication)");
            } else {
                secretHash = TokenHasher.sha256Hex(secret);
            }
        }
        Long owner = null;
        if (app.userId() != null) {
            owner = ctx.users.get(app.userId());
            if (owner == null) {
                ctx.report.note(NOT_CARRIED_HEADING, app.clientId() + ": owner (user id " + app.userId()
                        + ") was not imported; the application has no owner");
            }
        }
        if (app.algorithm() != null && !app.algorithm().isEmpty()) {
            ctx.report.note(NOT_CARRIED_HEADING, app.clientId() + ": OpenID Connect algorithm " + app.algorithm());
        }
        if (app.origins() != null && !app.origins().isBlank()) {
            ctx.report.note(NOT_CARRIED_HEADING, app.clientId() + ": allowed_origins");
        }
        if ("dcr".equals(app.registrationSource())) {
            ctx.report.note(NOT_CARRIED_HEADING, app.clientId() + ": registered by Dynamic Client Registration "
                    + "(registration_source dcr); imported as an ordinary application");
        }
        return Optional.of(new NewApp(0, app, grants, uris, postLogout, secretHash, imported, owner));
    }

    /** DOT's space-separated list, less the URIs Tollgate refuses (each noted in the report). */
    private List<String> acceptedUris(String clientId, String spaceSeparated, String which) {
        List<String> uris = new ArrayList<>();
        String raw = spaceSeparated == null ? "" : spaceSeparated.strip();
        for (String uri : raw.isEmpty() ? new String[0] : raw.split("\\s+")) {
            Optional<String> problem = RedirectUris.problem(uri);
            if (problem.isPresent()) {
                ctx.report.note(DROPPED_URI_HEADING, clientId + which + ": " + uri + ": " + problem.get());
            } else {
                uris.add(uri);
            }
        }
        return uris;
    }

    private Optional<NewApp> skip(SourceApp app, String reason) {
        ctx.skip(Kind.APPLICATIONS, reason);
        ctx.report.note("Applications left out", UserImport.printable(app.clientId()) + " (" + app.name() + "): " + reason);
        return Optional.empty();
    }

    /** DOT's one grant per application → Tollgate's set; DOT lets code and password clients refresh, so do we. */
    static Set<GrantType> grants(String dotGrant) {
        if (dotGrant == null) {
            return null;
        }
        return switch (dotGrant) {
            case "authorization-code", "openid-hybrid" ->
                    Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);
            case "password" -> Set.of(GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
            case "client-credentials" -> Set.of(GrantType.CLIENT_CREDENTIALS);
            // DOT 3.1+'s device flow; Tollgate's device grant issues refresh tokens as DOT's does
            case "urn:ietf:params:oauth:grant-type:device_code" -> Set.of(GrantType.DEVICE_CODE, GrantType.REFRESH_TOKEN);
            default -> null;
        };
    }
}
