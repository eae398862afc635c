package io.tollgate.persistence;

import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** A Jdbi over a private migrated database with one user and one client to hang tokens on. */
final class JdbiFixture {
    final TestDatabase database;
    final Jdbi jdbi;
    final long userId;
    final Client client;

    JdbiFixture(TestDatabase database) {
        this.database = database;
        this.jdbi = Jdbi.create(database.url(), database.user(), database.password()).installPlugin(new SqlObjectPlugin());
        this.userId = insertUser("owner-" + UUID.randomUUID().toString().substring(0, 8));
        this.client = new JdbiClientStore(jdbi).insert(client("fixture-" + UUID.randomUUID(), userId));
    }

    long insertUser(String username) {
        return jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO auth_user (username, password, date_joined) "
                        + "VALUES (:username, '!', :joined)")
                .bind("username", username)
                .bind("joined", Instant.parse("2025-01-01T00:00:00Z"))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    static Client client(String clientId, Long ownerId) {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        return new Client(0, clientId, "ab".repeat(32), "Fixture app", ownerId, ClientType.CONFIDENTIAL,
                Set.of(GrantType.PASSWORD, GrantType.AUTHORIZATION_CODE), List.of("https://app.example/cb"), null,
                false, now, now);
    }

    long count(String table) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }
}
