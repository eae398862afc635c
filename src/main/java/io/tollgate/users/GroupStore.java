package io.tollgate.users;

import java.util.Collection;
import java.util.Optional;

/**
 * Storage port for groups. Implementations enforce a unique index on name and throw
 * {@link UniqueViolationException} when it refuses a write.
 */
public interface GroupStore {

    Optional<Group> findById(long id);

    /** Exact, case-sensitive match. */
    Optional<Group> findByName(String name);

    /** Groups ordered by id; {@code offset >= 0}, {@code limit >= 1}. */
    Page<Group> list(int offset, int limit);

    long create(String name);

    boolean rename(long id, String name);

    /** Deletes the group and, in the same transaction, every membership in it. */
    boolean delete(long id);

    /** True when every id names a group; true for an empty collection. */
    boolean allExist(Collection<Long> ids);
}
