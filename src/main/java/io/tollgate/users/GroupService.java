package io.tollgate.users;

import java.util.Objects;
import java.util.Optional;

/** Group rules: anyone authenticated reads; staff (or a superuser) creates, renames and deletes. */
public final class GroupService {

    static final int NAME_MAX = 150;
    static final String NAME_TAKEN = "group with this name already exists.";

    private final GroupStore groups;

    public GroupService(GroupStore groups) {
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    public Group get(long id) {
        return groups.findById(id).orElseThrow(() -> new NotFoundException("group " + id));
    }

    public Page<Group> list(int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
        }
        return groups.list(offset, limit);
    }

    public Group create(Actor actor, String name) {
        requireManager(actor);
        String cleaned = validName(name, null);
        try {
            return get(groups.create(cleaned));
        } catch (UniqueViolationException e) {
            throw ValidationException.of("name", NAME_TAKEN);
        }
    }

    public Group rename(Actor actor, long id, String name) {
        requireManager(actor);
        get(id);
        String cleaned = validName(name, id);
        try {
            if (!groups.rename(id, cleaned)) {
                throw new NotFoundException("group " + id);
            }
        } catch (UniqueViolationException e) {
            throw ValidationException.of("name", NAME_TAKEN);
        }
        return get(id);
    }

    public void delete(Actor actor, long id) {
        requireManager(actor);
        if (!groups.delete(id)) {
            throw new NotFoundException("group " + id);
        }
    }

    private static void requireManager(Actor actor) {
        if (!actor.canManage()) {
            throw new PermissionDeniedException();
        }
    }

    private String validName(String name, Long exceptId) {
        FieldErrors errors = new FieldErrors();
        String cleaned = errors.text("name", name, true, false, NAME_MAX, true);
        if (cleaned != null) {
            Optional<Group> holder = groups.findByName(cleaned);
            if (holder.isPresent() && !Long.valueOf(holder.get().id()).equals(exceptId)) {
                errors.add("name", NAME_TAKEN);
            }
        }
        errors.throwIfAny();
        return cleaned;
    }
}
