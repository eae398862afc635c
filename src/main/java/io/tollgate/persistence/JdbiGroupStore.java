package io.tollgate.persistence;

import io.tollgate.users.Group;
import io.tollgate.users.GroupStore;
import io.tollgate.users.Page;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Groups in Django's auth_group table. */
public final class JdbiGroupStore implements GroupStore {
    private static final RowMapper<Group> GROUP = (rs, ctx) -> new Group(rs.getLong("id"), rs.getString("name"));

    private final Jdbi jdbi;

    public JdbiGroupStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<Group> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM auth_group WHERE id = :id")
                .bind("id", id).map(GROUP).findOne());
    }

    @Override
    public Optional<Group> findByName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM auth_group WHERE name = :name")
                .bind("name", name).map(GROUP).findOne());
    }

    @Override
    public Page<Group> list(int offset, int limit) {
        // One transaction so the count and the slice describe the same moment.
        return jdbi.inTransaction(h -> {
            long total = h.createQuery("SELECT COUNT(*) FROM auth_group").mapTo(Long.class).one();
            List<Group> items = h.createQuery("SELECT id, name FROM auth_group ORDER BY id LIMIT :limit OFFSET :offset")
                    .bind("limit", limit).bind("offset", offset).map(GROUP).list();
            return new Page<>(items, Math.max(total, items.size()));
        });
    }

    @Override
    public long create(String name) {
        return UniqueViolations.translate("duplicate group name", () -> jdbi.withHandle(h ->
                h.createUpdate("INSERT INTO auth_group (name) VALUES (:name)")
                        .bind("name", name).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
    }

    @Override
    public boolean rename(long id, String name) {
        return UniqueViolations.translate("duplicate group name", () -> jdbi.withHandle(h ->
                h.createUpdate("UPDATE auth_group SET name = :name WHERE id = :id")
                        .bind("name", name).bind("id", id).execute() > 0));
    }

    @Override
    public boolean delete(long id) {
        return Memberships.deleteWith(jdbi, "auth_group", "group_id", id);
    }

    @Override
    public boolean allExist(Collection<Long> ids) {
        List<Long> distinct = ids.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return true;
        }
        long found = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM auth_group WHERE id IN (<ids>)")
                .bindList("ids", distinct).mapTo(Long.class).one());
        return found == distinct.size();
    }
}
