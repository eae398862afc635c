package io.tollgate.persistence;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientSettings;
import io.tollgate.oauth.model.ClientTokenSettings;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.oauth.store.DuplicateClientIdException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/**
 * Clients in oauth_application; grant types, redirect URIs (also the post-logout ones) and scopes as
 * space-separated lists.
 */
public class JdbiClientStore implements ClientStore {
    private static final String COLUMNS = "id, client_id, client_secret_hash, name, user_id, client_type, grant_types, "
            + "redirect_uris, allowed_scopes, skip_authorization, require_pkce, access_token_lifetime, "
            + "refresh_token_lifetime, access_token_format, created, updated, post_logout_redirect_uris";

    private final Jdbi jdbi;

    public JdbiClientStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Client> findByClientId(String clientId) {
        // PostgreSQL refuses a NUL byte in a text parameter with an error; no registered client_id contains one.
        if (clientId == null || clientId.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        return jdbi.withHandle(handle -> handle
                // A client an operator disabled (admin console, disable-client) cannot authenticate or authorize.
                .createQuery("SELECT " + COLUMNS + " FROM oauth_application WHERE client_id = :clientId"
                        + " AND disabled IS NULL")
                .bind("clientId", clientId)
                .map(JdbiClientStore::map)
                .findOne());
    }

    @Override
    public Optional<Client> findById(long id) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + COLUMNS + " FROM oauth_application WHERE id = :id")
                .bind("id", id)
                .map(JdbiClientStore::map)
                .findOne());
    }

    @Override
    public List<Client> listByOwner(Long ownerUserId) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT " + COLUMNS + " FROM oauth_application"
                        + " WHERE (:everyone OR user_id = :owner) ORDER BY id")
                .bind("everyone", ownerUserId == null)
                .bind("owner", ownerUserId)
                .map(JdbiClientStore::map)
                .list());
    }

    @Override
    public Client insert(Client client) {
        try {
            long id = jdbi.withHandle(handle -> bindColumns(handle.createUpdate(
                            "INSERT INTO oauth_application (client_id, client_secret_hash, name, user_id, client_type, "
                                    + "grant_types, redirect_uris, allowed_scopes, skip_authorization, require_pkce, "
                                    + "access_token_lifetime, refresh_token_lifetime, access_token_format, created, "
                                    + "updated, post_logout_redirect_uris) VALUES (:clientId, :secretHash, :name, "
                                    + ":owner, :type, :grantTypes, :redirectUris, :allowedScopes, :skip, :requirePkce, "
                                    + ":accessLifetime, :refreshLifetime, :format, :created, :updated, "
                                    + ":postLogoutRedirectUris)"), client)
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
            return client.withId(id);
        } catch (RuntimeException e) {
            if (Sql.UNIQUE_VIOLATION.equals(Sql.sqlState(e))) {
                throw new DuplicateClientIdException(client.clientId());
            }
            throw e;
        }
    }

    @Override
    public boolean update(Client client) {
        return jdbi.withHandle(handle -> bindColumns(handle.createUpdate(
                        "UPDATE oauth_application SET client_id = :clientId, client_secret_hash = :secretHash, "
                                + "name = :name, user_id = :owner, client_type = :type, grant_types = :grantTypes, "
                                + "redirect_uris = :redirectUris, allowed_scopes = :allowedScopes, "
                                + "skip_authorization = :skip, require_pkce = :requirePkce, "
                                + "access_token_lifetime = :accessLifetime, refresh_token_lifetime = :refreshLifetime, "
                                + "access_token_format = :format, created = :created, updated = :updated, "
                                + "post_logout_redirect_uris = :postLogoutRedirectUris "
                                + "WHERE id = :id"), client)
                .bind("id", client.id())
                .execute()) == 1;
    }

    @Override
    public boolean delete(long id) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM oauth_application WHERE id = :id")
                .bind("id", id)
                .execute()) == 1;
    }

    private static Update bindColumns(Update update, Client client) {
        return update.bind("clientId", client.clientId())
                .bind("secretHash", client.secretHash())
                .bind("name", client.name())
                .bind("owner", client.ownerUserId())
                .bind("type", client.type().wireName())
                .bind("grantTypes", client.grantTypes().stream().map(GrantType::wireName).sorted()
                        .collect(Collectors.joining(" ")))
                .bind("redirectUris", String.join(" ", client.redirectUris()))
                .bind("postLogoutRedirectUris", String.join(" ", client.postLogoutRedirectUris()))
                .bind("allowedScopes", client.allowedScopes() == null ? null : client.allowedScopes().asString())
                .bind("skip", !client.settings().requireConsent())
                .bind("requirePkce", client.settings().requireProofKey())
                .bind("accessLifetime", seconds(client.tokenSettings().accessTokenLifetime()))
                .bind("refreshLifetime", seconds(client.tokenSettings().refreshTokenLifetime()))
                .bind("format", client.tokenSettings().accessTokenFormat())
                .bind("created", client.created())
                .bind("updated", client.updated());
    }

    private static Client map(ResultSet rs, StatementContext context) throws SQLException {
        String allowedScopes = rs.getString("allowed_scopes");
        return new Client(
                rs.getLong("id"),
                rs.getString("client_id"),
                rs.getString("client_secret_hash"),
                rs.getString("name"),
                Sql.nullableLong(rs, "user_id"),
                ClientType.fromWire(rs.getString("client_type")).orElseThrow(),
                grantTypes(rs.getString("grant_types")),
                words(rs.getString("redirect_uris")),
                allowedScopes == null ? null : ScopeSet.parse(allowedScopes),
                new ClientSettings(rs.getBoolean("require_pkce"), !rs.getBoolean("skip_authorization")),
                new ClientTokenSettings(duration(Sql.nullableLong(rs, "access_token_lifetime")),
                        duration(Sql.nullableLong(rs, "refresh_token_lifetime")), rs.getString("access_token_format")),
                Sql.instant(rs, "created"),
                Sql.instant(rs, "updated"),
                words(rs.getString("post_logout_redirect_uris")));
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }

    private static Duration duration(Long seconds) {
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    private static Set<GrantType> grantTypes(String value) {
        return words(value).stream().map(GrantType::of).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static List<String> words(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.strip().split("\\s+"));
    }
}
