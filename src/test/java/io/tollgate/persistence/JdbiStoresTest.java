package io.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.testing.RequiresPostgres;
import io.tollgate.testing.TestDatabase;
import io.tollgate.users.ValidationException;
import io.tollgate.users.Group;
import io.tollgate.users.NewUser;
import io.tollgate.users.Page;
import io.tollgate.users.UniqueViolationException;
import io.tollgate.users.User;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The Jdbi stores against real migrations, on each database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
@ExtendWith(RequiresPostgres.class)
class JdbiStoresTest {
    @Parameter
    TestDatabase.Kind kind;

    private static final Instant JOINED = Instant.parse("2024-05-06T07:08:09.123456Z");

    private TestDatabase database;
    private JdbiUserStore users;
    private JdbiGroupStore groups;

    TestDatabase newDatabase() {
        return TestDatabase.of(kind, "stores");
    }

    @BeforeEach
    void setUp() throws SQLException {
        if (database == null) {
            database = newDatabase();
            Jdbi jdbi = Jdbi.create(database.url(), database.user(), database.password())
                    .installPlugin(new SqlObjectPlugin());
            users = new JdbiUserStore(jdbi);
            groups = new JdbiGroupStore(jdbi);
        }
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM auth_user_groups");
            s.execute("DELETE FROM auth_user");
            s.execute("DELETE FROM auth_group");
        }
    }

    @AfterParameterizedClassInvocation
    void dropDatabase() {
        if (database != null) {
            database.drop();
            database = null; // JUnit keeps this instance for the next database's invocation
        }
    }

    @Test
    void aMembershipInAGroupThatIsGoneIsAFieldErrorAndWritesNothing() {
        long before = users.list(0, 1000).total();
        assertThatThrownBy(() -> users.create(newUser("orphan", List.of(987654L))))
                .isInstanceOf(ValidationException.class);
        assertThat(users.list(0, 1000).total()).isEqualTo(before);
        assertThat(users.findByUsername("orphan")).isEmpty();
    }

    private NewUser newUser(String username, List<Long> groupIds) {
        return new NewUser(username, username + "@example.com", "First", "Last", "pbkdf2_sha256$1$salt$hash",
                true, false, false, JOINED, groupIds);
    }

    @Test
    void createdUserReadsBackWithEveryColumnAndGroups() {
        long admins = groups.create("admins");
        long staff = groups.create("staff");
        long id = users.create(newUser("alice", List.of(staff, admins)));

        User alice = users.findById(id).orElseThrow();
        assertThat(alice).isEqualTo(newUser("alice", List.of(admins, staff)).withId(id));
        assertThat(alice.dateJoined()).isEqualTo(JOINED);
        assertThat(alice.lastLogin()).isNull();
        assertThat(users.findByUsername("alice")).contains(alice);
        assertThat(users.findByUsername("ALICE")).isEmpty();
        assertThat(users.findById(id + 1000)).isEmpty();
    }

    @Test
    void duplicateUsernameIsAUniqueViolationAndWritesNothing() {
        long g = groups.create("g");
        users.create(newUser("bob", List.of()));
        assertThatThrownBy(() -> users.create(newUser("bob", List.of(g))))
                .isInstanceOf(UniqueViolationException.class);
        assertThat(users.list(0, 10).total()).isEqualTo(1);
        assertThat(count("auth_user_groups")).isZero();
    }

    @Test
    void updateReplacesColumnsAndMembershipsAtomically() {
        long a = groups.create("a");
        long b = groups.create("b");
        long c = groups.create("c");
        long id = users.create(newUser("carol", List.of(a, b)));
        users.create(newUser("dave", List.of()));
        User carol = users.findById(id).orElseThrow();
        Instant login = Instant.parse("2025-01-02T03:04:05.000001Z");

        User changed = new User(id, "caroline", "c@example.org", "C", "L", "newhash", false, true, true,
                carol.dateJoined(), login, List.of(c, b));
        users.update(changed);
        assertThat(users.findById(id)).contains(new User(id, "caroline", "c@example.org", "C", "L", "newhash",
                false, true, true, JOINED, login, List.of(b, c)));

        // A refused update leaves the previous row and memberships as they were.
        User clash = new User(id, "dave", "x@example.org", "X", "Y", "h", true, false, false, JOINED, null, List.of(a));
        assertThatThrownBy(() -> users.update(clash)).isInstanceOf(UniqueViolationException.class);
        assertThat(users.findById(id).orElseThrow().username()).isEqualTo("caroline");
        assertThat(users.findById(id).orElseThrow().groupIds()).containsExactly(b, c);

        users.update(new User(id, "caroline", "c@example.org", "C", "L", "newhash", false, true, true, JOINED, login, List.of()));
        assertThat(users.findById(id).orElseThrow().groupIds()).isEmpty();
    }

    @Test
    void updateOfMissingUserIsANoOp() {
        users.update(newUser("ghost", List.of()).withId(424242));
        assertThat(users.findById(424242)).isEmpty();
        assertThat(count("auth_user")).isZero();
    }

    @Test
    void listPagesInIdOrderWithTotal() {
        long g = groups.create("g");
        for (int i = 0; i < 5; i++) {
            users.create(newUser("user" + i, i % 2 == 0 ? List.of(g) : List.of()));
        }
        Page<User> page = users.list(2, 2);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(User::username).containsExactly("user2", "user3");
        assertThat(page.items()).extracting(User::groupIds).containsExactly(List.of(g), List.of());
        assertThat(users.list(10, 2).items()).isEmpty();
        assertThat(users.list(10, 2).total()).isEqualTo(5);
    }

    @Test
    void deleteRemovesUserAndMemberships() {
        long g = groups.create("g");
        long id = users.create(newUser("erin", List.of(g)));
        assertThat(users.delete(id)).isTrue();
        assertThat(users.delete(id)).isFalse();
        assertThat(users.findById(id)).isEmpty();
        assertThat(count("auth_user_groups")).isZero();
        assertThat(groups.findById(g)).isPresent();
    }

    @Test
    void passwordLoginAndUsernameChecks() {
        long id = users.create(newUser("frank", List.of()));
        long other = users.create(newUser("grace", List.of()));
        Instant at = Instant.parse("2025-03-04T05:06:07.654321Z");
        users.updatePassword(id, "pbkdf2_sha256$2$s$h");
        users.recordLogin(id, at);
        User frank = users.findById(id).orElseThrow();
        assertThat(frank.passwordHash()).isEqualTo("pbkdf2_sha256$2$s$h");
        assertThat(frank.lastLogin()).isEqualTo(at);

        assertThat(users.usernameTaken("frank", null)).isTrue();
        assertThat(users.usernameTaken("frank", id)).isFalse();
        assertThat(users.usernameTaken("frank", other)).isTrue();
        assertThat(users.usernameTaken("nobody", null)).isFalse();
    }

    @Test
    void groupsCreateRenameListDelete() {
        long a = groups.create("alpha");
        long b = groups.create("beta");
        assertThat(groups.findById(a)).contains(new Group(a, "alpha"));
        assertThat(groups.findByName("beta")).contains(new Group(b, "beta"));
        assertThat(groups.findByName("BETA")).isEmpty();

        assertThatThrownBy(() -> groups.create("alpha")).isInstanceOf(UniqueViolationException.class);
        assertThatThrownBy(() -> groups.rename(b, "alpha")).isInstanceOf(UniqueViolationException.class);
        assertThat(groups.rename(b, "gamma")).isTrue();
        assertThat(groups.rename(b + 1000, "delta")).isFalse();

        Page<Group> page = groups.list(0, 10);
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).containsExactly(new Group(a, "alpha"), new Group(b, "gamma"));
        assertThat(groups.list(1, 1).items()).containsExactly(new Group(b, "gamma"));

        assertThat(groups.allExist(List.of())).isTrue();
        assertThat(groups.allExist(List.of(a, b, a))).isTrue();
        assertThat(groups.allExist(List.of(a, b + 1000))).isFalse();
    }

    @Test
    void deletingAGroupDropsItsMemberships() {
        long a = groups.create("a");
        long b = groups.create("b");
        long id = users.create(newUser("heidi", List.of(a, b)));
        assertThat(groups.delete(a)).isTrue();
        assertThat(groups.delete(a)).isFalse();
        assertThat(users.findById(id).orElseThrow().groupIds()).containsExactly(b);
    }

    private long count(String table) {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
