package io.tollgate.testing;

import io.tollgate.oauth.client.ClientRegistrationRequest;
import io.tollgate.oauth.client.ClientRegistrations;
import io.tollgate.oauth.client.RegisteredClient;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.oauth.device.DeviceFlow;
import io.tollgate.oauth.device.DeviceSettings;
import io.tollgate.oauth.compose.ServerSettings;
import io.tollgate.persistence.JdbiGroupStore;
import io.tollgate.persistence.JdbiDeviceCodeStore;
import io.tollgate.persistence.JdbiPorts;
import io.tollgate.persistence.JdbiUserStore;
import io.tollgate.users.PasswordHasher;
import io.tollgate.users.UserResourceOwners;
import io.tollgate.users.UserService;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** Puts users and applications into a test database the way the product's own code would. */
public final class TestData {
    private static final PasswordHasher HASHER = new PasswordHasher(1000);

    private final Jdbi jdbi;
    private final ClientRegistrations registrations;

    public TestData(TestDatabase database) {
        this.jdbi = Jdbi.create(database.url(), database.user(), database.password());
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("read", "Read scope");
        scopes.put("write", "Write scope");
        scopes.put("groups", "Access to your groups");
        scopes.put("introspection", "Introspect tokens");
        JdbiUserStore users = new JdbiUserStore(jdbi);
        UserResourceOwners owners = new UserResourceOwners(
                new UserService(users, new JdbiGroupStore(jdbi), HASHER, Clock.systemUTC()), users);
        this.registrations = AuthorizationServer.builder(
                ServerSettings.defaults(new ScopeRegistry(scopes, ScopeSet.of("read"))), JdbiPorts.of(jdbi, owners),
                Clock.systemUTC())
                .grant(new DeviceFlow(new JdbiDeviceCodeStore(jdbi), DeviceSettings.defaults())::grant)
                .build().registrations();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public long user(String username, String password, boolean staff, boolean superuser) {
        return jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO auth_user (username, email, password, "
                        + "is_staff, is_superuser, date_joined) VALUES (:u, :e, :p, :staff, :su, :joined)")
                .bind("u", username)
                .bind("e", username + "@example.com")
                .bind("p", HASHER.hash(password))
                .bind("staff", staff)
                .bind("su", superuser)
                .bind("joined", Instant.now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public void deactivate(long userId) {
        jdbi.useHandle(handle -> handle.createUpdate("UPDATE auth_user SET is_active = FALSE WHERE id = :id")
                .bind("id", userId).execute());
    }

    public RegisteredClient client(String name, ClientType type, Set<GrantType> grants, List<String> redirectUris,
                                   ScopeSet allowedScopes) {
        return registrations.register(new ClientRegistrationRequest(redirectUris, type, grants, name,
                allowedScopes, null, false, null, null));
    }

    public RegisteredClient passwordClient(String name) {
        return client(name, ClientType.CONFIDENTIAL, Set.of(GrantType.PASSWORD), List.of(), null);
    }

    public long count(String table) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    /** Every text value in every column of these tables, to prove a secret is not stored anywhere. */
    public List<String> allText(String... tables) {
        return jdbi.withHandle(handle -> {
            List<String> values = new java.util.ArrayList<>();
            for (String table : tables) {
                handle.createQuery("SELECT * FROM " + table).mapToMap().forEach(row -> row.values().forEach(value -> {
                    if (value != null) {
                        values.add(value.toString());
                    }
                }));
            }
            return values;
        });
    }
}
