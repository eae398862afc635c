package io.tollgate.users;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * Test fake of {@link GroupStore}. Pass {@code users::forgetGroup} to have deletions drop memberships, as the
 * database's cascade does.
 */
public final class InMemoryGroupStore implements GroupStore {

    private final Map<Long, Group> rows = new TreeMap<>();
    private final LongConsumer onDelete;
    private long nextId = 1;

    public InMemoryGroupStore() {
        this(id -> { });
    }

    public InMemoryGroupStore(LongConsumer onDelete) {
        this.onDelete = onDelete;
    }

    @Override
    public synchronized Optional<Group> findById(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized Optional<Group> findByName(String name) {
        return rows.values().stream().filter(g -> g.name().equals(name)).findFirst();
    }

    @Override
    public synchronized Page<Group> list(int offset, int limit) {
        List<Group> all = new ArrayList<>(rows.values());
        return new Page<>(all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())), all.size());
    }

    @Override
    public synchronized long create(String name) {
        refuseDuplicate(name, null);
        long id = nextId++;
        rows.put(id, new Group(id, name));
        return id;
    }

    @Override
    public synchronized boolean rename(long id, String name) {
        if (!rows.containsKey(id)) {
            return false;
        }
        refuseDuplicate(name, id);
        rows.put(id, new Group(id, name));
        return true;
    }

    @Override
    public synchronized boolean delete(long id) {
        boolean removed = rows.remove(id) != null;
        if (removed) {
            onDelete.accept(id);
        }
        return removed;
    }

    @Override
    public synchronized boolean allExist(Collection<Long> ids) {
        return rows.keySet().containsAll(ids);
    }

    private void refuseDuplicate(String name, Long exceptId) {
        Optional<Group> holder = findByName(name);
        if (holder.isPresent() && (exceptId == null || holder.get().id() != exceptId)) {
            throw new UniqueViolationException("duplicate group name", null);
        }
    }
}
