package io.tollgate.persistence;

import io.tollgate.users.NewUser;
import io.tollgate.users.Page;
import io.tollgate.users.User;
import io.tollgate.users.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Update;

/** Users in Django's auth_user table, memberships in auth_user_groups. */
public final class JdbiUserStore implements UserStore {
    private static final String COLUMNS = "id, username, email, first_name, last_name, password, is_active, "
            + "is_staff, is_superuser, date_joined, last_login";

    private final Jdbi jdbi;

    public JdbiUserStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<User> findById(long id) {
        return jdbi.withHandle(h -> one(h, "u.id = :v", id));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return jdbi.withHandle(h -> one(h, "u.username = :v", username));
    }

    @Override
    public Page<User> list(int offset, int limit) {
        return jdbi.inTransaction(h -> {
            long total = h.createQuery("SELECT COUNT(*) FROM auth_user").mapTo(Long.class).one();
            List<Row> rows = h.createQuery("SELECT " + COLUMNS + " FROM auth_user ORDER BY id LIMIT :limit OFFSET :offset")
                    .bind("limit", limit).bind("offset", offset).map((rs, ctx) -> Row.of(rs)).list();
            Map<Long, List<Long>> groups = groupsOf(h, rows.stream().map(Row::id).toList());
            List<User> users = rows.stream().map(r -> r.toUser(groups.getOrDefault(r.id, List.of()))).toList();
            return new Page<>(users, Math.max(total, users.size()));
        });
    }

    @Override
    public long create(NewUser user) {
        return UniqueViolations.translate("duplicate username", () -> jdbi.inTransaction(h -> {
            long id = bindColumns(h.createUpdate("INSERT INTO auth_user (username, email, first_name, last_name, "
                            + "password, is_active, is_staff, is_superuser, date_joined) VALUES (:username, :email, "
                            + ":firstName, :lastName, :password, :active, :staff, :superuser, :dateJoined)"),
                    user.unsaved())
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            insertMemberships(h, id, user.groupIds());
            return id;
        }));
    }

    @Override
    public void update(User user) {
        UniqueViolations.translate("duplicate username", () -> jdbi.inTransaction(h -> {
            int changed = bindColumns(h.createUpdate("UPDATE auth_user SET username = :username, email = :email, "
                            + "first_name = :firstName, last_name = :lastName, password = :password, "
                            + "is_active = :active, is_staff = :staff, is_superuser = :superuser, "
                            + "date_joined = :dateJoined, last_login = :lastLogin WHERE id = :id"), user)
                    .bind("id", user.id())
                    .bind("lastLogin", utc(user.lastLogin()))
                    .execute();
            if (changed > 0) {
                h.createUpdate("DELETE FROM auth_user_groups WHERE user_id = :id").bind("id", user.id()).execute();
                insertMemberships(h, user.id(), user.groupIds());
            }
            return changed;
        }));
    }

    @Override
    public boolean delete(long id) {
        // The user's tokens go by foreign-key cascade.
        return Memberships.deleteWith(jdbi, "auth_user", "user_id", id);
    }

    @Override
    public void updatePassword(long id, String passwordHash) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE auth_user SET password = :password WHERE id = :id")
                .bind("password", passwordHash).bind("id", id).execute());
    }

    @Override
    public void recordLogin(long id, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE auth_user SET last_login = :at WHERE id = :id")
                .bind("at", utc(at)).bind("id", id).execute());
    }

    @Override
    public boolean usernameTaken(String username, Long exceptId) {
        // Two statements rather than ":exceptId IS NULL": PostgreSQL cannot type a parameter that is only null-tested.
        String sql = "SELECT COUNT(*) FROM auth_user WHERE username = :username"
                + (exceptId == null ? "" : " AND id <> :exceptId");
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql).bind("username", username);
            if (exceptId != null) {
                query.bind("exceptId", exceptId.longValue());
            }
            return query.mapTo(Long.class).one() > 0;
        });
    }

    /**
     * One user with their groups in a single statement: a consistent snapshot without a transaction, and one
     * round trip on the hot path of every API request that shows a user.
     */
    private static Optional<User> one(Handle h, String where, Object value) {
        List<Row> row = new ArrayList<>(1);
        List<Long> groupIds = new ArrayList<>();
        h.createQuery("SELECT u." + COLUMNS.replace(", ", ", u.") + ", g.group_id FROM auth_user u "
                        + "LEFT JOIN auth_user_groups g ON g.user_id = u.id WHERE " + where + " ORDER BY g.group_id")
                .bind("v", value)
                .map((rs, ctx) -> {
                    if (row.isEmpty()) {
                        row.add(Row.of(rs));
                    }
                    long groupId = rs.getLong("group_id");
                    if (!rs.wasNull()) {
                        groupIds.add(groupId);
                    }
                    return groupId;
                })
                .forEach(ignored -> { });
        return row.stream().findFirst().map(r -> r.toUser(groupIds));
    }

    private static Map<Long, List<Long>> groupsOf(Handle h, Collection<Long> userIds) {
        Map<Long, List<Long>> groups = new HashMap<>();
        if (userIds.isEmpty()) {
            return groups;
        }
        h.createQuery("SELECT user_id, group_id FROM auth_user_groups WHERE user_id IN (<ids>) ORDER BY group_id")
                .bindList("ids", List.copyOf(userIds))
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .forEach(pair -> groups.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(pair[1]));
        return groups;
    }

    private static void insertMemberships(Handle h, long userId, List<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO auth_user_groups (user_id, group_id) VALUES (:user, :group)");
        groupIds.stream().distinct().forEach(g -> batch.bind("user", userId).bind("group", g).add());
        batch.execute();
    }

    /** The columns an insert and an update both write (a new user is bound as a user without an id yet). */
    private static Update bindColumns(Update update, User user) {
        return update
                .bind("username", user.username())
                .bind("email", user.email())
                .bind("firstName", user.firstName())
                .bind("lastName", user.lastName())
                .bind("password", user.passwordHash())
                .bind("active", user.active())
                .bind("staff", user.staff())
                .bind("superuser", user.superuser())
                .bind("dateJoined", utc(user.dateJoined()));
    }

    // OffsetDateTime in UTC binds and reads the same on H2 and PostgreSQL, whatever the JVM's time zone.
    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record Row(long id, String username, String email, String firstName, String lastName, String password,
                       boolean active, boolean staff, boolean superuser, Instant dateJoined, Instant lastLogin) {
        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
                    rs.getString("first_name"), rs.getString("last_name"), rs.getString("password"),
                    rs.getBoolean("is_active"), rs.getBoolean("is_staff"), rs.getBoolean("is_superuser"),
                    instant(rs, "date_joined"), instant(rs, "last_login"));
        }

        User toUser(List<Long> groupIds) {
            return new User(id, username, email, firstName, lastName, password, active, staff, superuser,
                    dateJoined, lastLogin, groupIds);
        }

        @Override
        public String toString() {
            return "Row[id=" + id + ", username=" + username + "]";
        }
    }
}
