package io.tollgate.ops.djangoimport;

import io.tollgate.ops.djangoimport.ImportContext.Mode;
import io.tollgate.ops.djangoimport.ImportReport.Kind;
import io.tollgate.users.PasswordHasher;
import io.tollgate.users.UserRules;
import io.tollgate.users.hashers.DjangoHashFormats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * auth_user, auth_group and auth_user_groups. A row is matched by its natural key (username, group name), so a
 * re-run finds what the last run wrote. Tollgate's copy of a row that exists is kept as it is (after the switch,
 * Tollgate is where passwords change), except that a user deactivated in Django is deactivated here too.
 */
final class UserImport {
    static final String WEAK_HEADING = "Users whose Django password hash is too weak to keep (md5, sha1, unsalted, "
            + "crypt): imported with an unusable password, ask them to reset it";
    static final String UNKNOWN_HEADING = "Users whose password hash has a format Tollgate does not know: imported "
            + "with an unusable password";
    static final String MAPPED_HEADING = "Ids already taken in Tollgate, so mapped (Django id -> Tollgate id)";
    static final String REFUSED_HEADING = "Users refused";
    private static final int PASSWORD_MAX = 256;

    private record SourceUser(long id, String password, Instant lastLogin, boolean superuser, String username,
                              String firstName, String lastName, String email, boolean staff, boolean active,
                              Instant dateJoined) {
    }

    private record NewUser(long id, SourceUser source, String password) {
    }

    private record SourceGroup(long id, String name) {
    }

    private record Membership(long userId, long groupId) {
    }

    private final ImportContext ctx;
    private final PasswordHasher hasher;
    private final DjangoHashFormats formats;

    UserImport(ImportContext ctx, PasswordHasher hasher, DjangoHashFormats formats) {
        this.ctx = ctx;
        this.hasher = hasher;
        this.formats = formats;
    }

    void users(Mode mode) {
        IdAllocator ids = new IdAllocator(ctx, DotSchema.USER, "auth_user", mode);
        ctx.stream("users", DotSchema.USER, "SELECT id, password, last_login, is_superuser, username, first_name, "
                        + "last_name, email, is_staff, is_active, date_joined FROM " + DotSchema.USER + " ORDER BY id",
                rs -> new SourceUser(rs.getLong("id"), rs.getString("password"), ImportContext.instant(rs, "last_login"),
                        rs.getBoolean("is_superuser"), rs.getString("username"), nonNull(rs.getString("first_name")),
                        nonNull(rs.getString("last_name")), nonNull(rs.getString("email")), rs.getBoolean("is_staff"),
                        rs.getBoolean("is_active"), ImportContext.instant(rs, "date_joined")),
                batch -> usersBatch(batch, mode, ids));
    }

    private void usersBatch(List<SourceUser> batch, Mode mode, IdAllocator ids) {
        List<SourceUser> acceptable = new ArrayList<>();
        for (SourceUser user : batch) {
            String problem = problem(user);
            if (problem == null) {
                acceptable.add(user);
            } else if (mode != Mode.MAP_ONLY) {
                ctx.skip(Kind.USERS, "refused by Tollgate's rules (" + problem + ")");
                ctx.report.note(REFUSED_HEADING, "id " + user.id() + " " + printable(user.username()) + ": " + problem);
            }
        }
        Map<String, long[]> existing = new HashMap<>();
        List<String> names = acceptable.stream().map(SourceUser::username).toList();
        ctx.useHandle(handle -> ImportContext.lookup(handle,
                "SELECT id, username, is_active FROM auth_user WHERE username", names,
                rs -> existing.put(rs.getString(2), new long[] {rs.getLong(1), rs.getBoolean(3) ? 1 : 0})));
        List<SourceUser> fresh = new ArrayList<>();
        List<Long> deactivate = new ArrayList<>();
        for (SourceUser user : acceptable) {
            long[] found = existing.get(user.username());
            if (found == null) {
                fresh.add(user);
                continue;
            }
            ctx.users.put(user.id(), found[0]);
            if (mode == Mode.MAP_ONLY) {
                continue;
            }
            if (!user.active() && found[1] == 1) {
                deactivate.add(found[0]);
                ctx.report.updated(Kind.USERS);
            } else {
                ctx.report.unchanged(Kind.USERS);
            }
        }
        if (mode == Mode.MAP_ONLY) {
            return;
        }
        Map<Long, Long> assigned = ids.assign(fresh.stream().map(SourceUser::id).toList());
        List<NewUser> inserts = new ArrayList<>();
        for (SourceUser user : fresh) {
            long id = assigned.get(user.id());
            if (id != user.id()) {
                ctx.report.note(MAPPED_HEADING, "user " + user.username() + ": " + user.id() + " -> " + id);
            }
            ctx.users.put(user.id(), id);
            inserts.add(new NewUser(id, user, password(user)));
            ctx.report.imported(Kind.USERS);
        }
        if (mode != Mode.WRITE || (inserts.isEmpty() && deactivate.isEmpty())) {
            return;
        }
        ctx.useTransaction(handle -> {
            ids.reserve(handle);
            ImportContext.insertAll(handle, "INSERT INTO auth_user (id, username, email, first_name, last_name, "
                    + "password, is_active, is_staff, is_superuser, date_joined, last_login) VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts, (ps, row) -> {
                        SourceUser u = row.source();
                        ps.setLong(1, row.id());
                        ps.setString(2, u.username());
                        ps.setString(3, u.email());
                        ps.setString(4, u.firstName());
                        ps.setString(5, u.lastName());
                        ps.setString(6, row.password());
                        ps.setBoolean(7, u.active());
                        ps.setBoolean(8, u.staff());
                        ps.setBoolean(9, u.superuser());
                        ImportContext.setInstant(ps, 10, u.dateJoined());
                        ImportContext.setInstant(ps, 11, u.lastLogin());
                    });
            if (!deactivate.isEmpty()) {
                handle.createUpdate("UPDATE auth_user SET is_active = FALSE WHERE id IN (<ids>)")
                        .bindList("ids", deactivate).execute();
            }
        });
    }

    /** Why Tollgate cannot hold this user as it is, or null. */
    private static String problem(SourceUser user) {
        if (ImportContext.hasNul(user.username(), user.email(), user.firstName(), user.lastName(), user.password())) {
            return "a NUL character";
        }
        if (user.username() == null || user.username().isEmpty() || user.username().length() > UserRules.USERNAME_MAX
                || !UserRules.validUsername(user.username())) {
            return "username may contain only letters, numbers, and @/./+/-/_ characters, at most 150";
        }
        if (user.firstName().length() > UserRules.NAME_MAX || user.lastName().length() > UserRules.NAME_MAX
                || user.email().length() > UserRules.EMAIL_MAX) {
            return "a name or email longer than Django allows";
        }
        if (user.dateJoined() == null) {
            return "no date_joined";
        }
        return null;
    }

    private String password(SourceUser user) {
        String encoded = user.password();
        return switch (formats.classify(encoded)) {
            case USABLE -> {
                if (encoded.length() > PASSWORD_MAX) {
                    ctx.report.note(UNKNOWN_HEADING, user.username() + " (hash longer than " + PASSWORD_MAX + ")");
                    yield hasher.unusable();
                }
                yield encoded;
            }
            case UNUSABLE -> encoded != null && encoded.startsWith(PasswordHasher.UNUSABLE_PREFIX)
                    && encoded.length() <= PASSWORD_MAX ? encoded : hasher.unusable();
            case WEAK -> {
                ctx.report.note(WEAK_HEADING, user.username() + " (" + DjangoHashFormats.algorithm(encoded) + ")");
                yield hasher.unusable();
            }
            case UNKNOWN -> {
                ctx.report.note(UNKNOWN_HEADING, user.username() + " (" + DjangoHashFormats.algorithm(encoded) + ")");
                yield hasher.unusable();
            }
        };
    }

    void groups(Mode mode) {
        IdAllocator ids = new IdAllocator(ctx, DotSchema.GROUP, "auth_group", mode);
        ctx.stream("groups", DotSchema.GROUP, "SELECT id, name FROM " + DotSchema.GROUP + " ORDER BY id",
                rs -> new SourceGroup(rs.getLong("id"), rs.getString("name")),
                batch -> groupsBatch(batch, mode, ids));
        if (mode != Mode.MAP_ONLY) {
            long permissions = ctx.sourceLong("SELECT COUNT(*) FROM auth_group_permissions")
                    + ctx.sourceLong("SELECT COUNT(*) FROM auth_user_user_permissions");
            if (permissions > 0) {
                ctx.report.note("Django permissions are not Tollgate's model (scopes and staff flags are): not imported",
                        permissions + " group and user permission assignments");
            }
        }
    }

    private void groupsBatch(List<SourceGroup> batch, Mode mode, IdAllocator ids) {
        List<SourceGroup> acceptable = new ArrayList<>();
        for (SourceGroup group : batch) {
            if (group.name() == null || group.name().isEmpty() || group.name().length() > 150
                    || ImportContext.hasNul(group.name())) {
                if (mode != Mode.MAP_ONLY) {
                    ctx.skip(Kind.GROUPS, "name empty, longer than 150 or with a NUL character");
                }
            } else {
                acceptable.add(group);
            }
        }
        Map<String, Long> existing = new HashMap<>();
        if (!acceptable.isEmpty()) {
            ctx.useHandle(handle -> handle.createQuery("SELECT id, name FROM auth_group WHERE name IN (<names>)")
                    .bindList("names", acceptable.stream().map(SourceGroup::name).toList())
                    .map((rs, sc) -> existing.put(rs.getString("name"), rs.getLong("id"))).list());
        }
        List<SourceGroup> fresh = new ArrayList<>();
        for (SourceGroup group : acceptable) {
            Long found = existing.get(group.name());
            if (found != null) {
                ctx.groups.put(group.id(), found);
                if (mode != Mode.MAP_ONLY) {
                    ctx.report.unchanged(Kind.GROUPS);
                }
            } else {
                fresh.add(group);
            }
        }
        if (mode == Mode.MAP_ONLY) {
            return;
        }
        Map<Long, Long> assigned = ids.assign(fresh.stream().map(SourceGroup::id).toList());
        for (SourceGroup group : fresh) {
            long id = assigned.get(group.id());
            if (id != group.id()) {
                ctx.report.note(MAPPED_HEADING, "group " + group.name() + ": " + group.id() + " -> " + id);
            }
            ctx.groups.put(group.id(), id);
            ctx.report.imported(Kind.GROUPS);
        }
        if (mode == Mode.WRITE && !fresh.isEmpty()) {
            ctx.useTransaction(handle -> {
                ids.reserve(handle);
                PreparedBatch insert = handle.prepareBatch("INSERT INTO auth_group (id, name) VALUES (:id, :name)");
                fresh.forEach(group -> insert.bind("id", assigned.get(group.id())).bind("name", group.name()).add());
                insert.execute();
            });
        }
    }

    void memberships(Mode mode) {
        ctx.stream("group memberships", DotSchema.USER_GROUPS,
                "SELECT user_id, group_id FROM " + DotSchema.USER_GROUPS + " ORDER BY id",
                rs -> new Membership(rs.getLong("user_id"), rs.getLong("group_id")),
                batch -> membershipsBatch(batch, mode));
    }

    private void membershipsBatch(List<Membership> batch, Mode mode) {
        List<Membership> mapped = new ArrayList<>();
        for (Membership m : batch) {
            Long user = ctx.users.get(m.userId());
            Long group = ctx.groups.get(m.groupId());
            if (user == null) {
                ctx.skip(Kind.MEMBERSHIPS, "user not imported");
            } else if (group == null) {
                ctx.skip(Kind.MEMBERSHIPS, "group not imported");
            } else {
                mapped.add(new Membership(user, group));
            }
        }
        Set<Membership> existing = new HashSet<>();
        if (!mapped.isEmpty()) {
            ctx.useHandle(handle -> handle.createQuery(
                            "SELECT user_id, group_id FROM auth_user_groups WHERE user_id IN (<users>)")
                    .bindList("users", mapped.stream().map(Membership::userId).distinct().toList())
                    .map((rs, sc) -> existing.add(new Membership(rs.getLong("user_id"), rs.getLong("group_id"))))
                    .list());
        }
        List<Membership> fresh = new ArrayList<>();
        for (Membership m : mapped) {
            if (existing.contains(m)) {
                ctx.report.unchanged(Kind.MEMBERSHIPS);
            } else {
                fresh.add(m);
                ctx.report.imported(Kind.MEMBERSHIPS);
            }
        }
        if (mode == Mode.WRITE && !fresh.isEmpty()) {
            ctx.useTransaction(handle -> {
                PreparedBatch insert = handle.prepareBatch(
                        "INSERT INTO auth_user_groups (user_id, group_id) VALUES (:user, :group)");
                fresh.forEach(m -> insert.bind("user", m.userId()).bind("group", m.groupId()).add());
                insert.execute();
            });
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** A username as the report shows it: quoted, with control characters escaped. */
    static String printable(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder("'");
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('\'').toString();
    }
}
