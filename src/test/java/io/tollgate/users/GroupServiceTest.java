package io.tollgate.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class GroupServiceTest {

    private final InMemoryGroupStore store = new InMemoryGroupStore();
    private final GroupService service = new GroupService(store);
    private final Actor ordinary = new Actor(1, false, false);
    private final Actor staff = new Actor(2, true, false);
    private final Actor superuser = new Actor(3, false, true);

    private static void assertNameError(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).containsExactlyEntriesOf(Map.of("name", List.of(message))));
    }

    @Test
    void staffAndSuperusersCreate() {
        assertThat(service.create(staff, " editors ").name()).isEqualTo("editors");
        assertThat(service.create(superuser, "admins").name()).isEqualTo("admins");
        assertThat(service.list(0, 10).total()).isEqualTo(2);
    }

    @Test
    void ordinaryUsersOnlyRead() {
        Group g = service.create(staff, "editors");
        assertThatThrownBy(() -> service.create(ordinary, "x")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> service.rename(ordinary, g.id(), "y")).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> service.delete(ordinary, g.id())).isInstanceOf(PermissionDeniedException.class);
        assertThat(service.get(g.id()).name()).isEqualTo("editors");
        assertThat(service.list(0, 10).items()).containsExactly(g);
    }

    @Test
    void nameValidation() {
        assertNameError(() -> service.create(staff, null), "This field is required.");
        assertNameError(() -> service.create(staff, "  "), "This field may not be blank.");
        assertNameError(() -> service.create(staff, "n".repeat(151)), "Ensure this field has no more than 150 characters.");
        assertNameError(() -> service.create(staff, "a\0b"), "Null characters are not allowed.");
        assertThat(service.create(staff, "n".repeat(150)).name()).hasSize(150);
    }

    @Test
    void namesAreUnique() {
        Group editors = service.create(staff, "editors");
        Group readers = service.create(staff, "readers");
        assertNameError(() -> service.create(staff, "editors"), "group with this name already exists.");
        assertNameError(() -> service.rename(staff, readers.id(), "editors"), "group with this name already exists.");
        assertThat(service.rename(staff, editors.id(), "editors").name()).isEqualTo("editors");
        assertThat(service.rename(staff, readers.id(), "viewers").name()).isEqualTo("viewers");
    }

    @Test
    void missingGroups() {
        assertThatThrownBy(() -> service.get(42)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.rename(staff, 42, "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.delete(staff, 42)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void deleteRemoves() {
        Group g = service.create(staff, "temp");
        service.delete(superuser, g.id());
        assertThat(store.findById(g.id())).isEmpty();
    }
}
