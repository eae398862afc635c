package io.tollgate.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserServiceTest {

    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05.123456789Z");

    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryGroupStore groups = new InMemoryGroupStore(users::forgetGroup);
    private final CountingHasher hasher = new CountingHasher(10);
    private final UserService service = new UserService(users, groups, hasher, Clock.fixed(NOW, ZoneOffset.UTC));

    private Actor root;
    private Actor staff;
    private Actor alice;
    private long bobId;
    private long editors;

    @BeforeEach
    void seed() {
        root = Actor.of(service.createSuperuser("root", "root@example.com", "rootpass"));
        staff = Actor.of(service.create(root, input("staffer").withPassword("staffpass").withStaff(true)));
        alice = Actor.of(service.create(root, input("alice").withPassword("alicepass")));
        bobId = service.create(root, input("bob").withPassword("bobpass")).id();
        editors = groups.create("editors");
        hasher.verifies = 0;
        hasher.dummies = 0;
    }

    private static UserInput input(String username) {
        return UserInput.empty().withUsername(username);
    }

    private static void assertFieldErrors(ThrowingCallable call, Map<String, List<String>> expected) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).containsExactlyEntriesOf(expected));
    }

    private static Map<String, List<String>> ordered(String... fieldThenMessage) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < fieldThenMessage.length; i += 2) {
            map.put(fieldThenMessage[i], List.of(fieldThenMessage[i + 1]));
        }
        return map;
    }

    private static void assertDenied(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(PermissionDeniedException.class);
    }

    // --- creation and validation ---

    @Test
    void tutorialCreateWithUsernameAndPassword() {
        User foo = service.create(staff, input("foo").withPassword("bar"));
        assertThat(foo.username()).isEqualTo("foo");
        assertThat(foo.passwordHash()).startsWith("pbkdf2_sha256$10$");
        assertThat(hasher.verify("bar", foo.passwordHash()).matches()).isTrue();
        assertThat(foo.active()).isTrue();
        assertThat(foo.staff()).isFalse();
        assertThat(foo.superuser()).isFalse();
        assertThat(foo.email()).isEmpty();
        assertThat(foo.dateJoined()).isEqualTo(Instant.parse("2025-01-02T03:04:05.123456Z"));
        assertThat(foo.lastLogin()).isNull();
    }

    @Test
    void createWithoutPasswordStoresUnusableMarker() {
        User u = service.create(staff, input("nopass"));
        assertThat(u.passwordHash()).matches("![a-zA-Z0-9]{40}");
        assertThat(service.authenticate("nopass", u.passwordHash().substring(1))).isEmpty();
    }

    @Test
    void usernameRequiredOnCreate() {
        assertFieldErrors(() -> service.create(staff, UserInput.empty().withPassword("x")),
                Map.of("username", List.of("This field is required.")));
    }

    @Test
    void blankUsername() {
        assertFieldErrors(() -> service.create(staff, input("   ")),
                Map.of("username", List.of("This field may not be blank.")));
        assertFieldErrors(() -> service.create(staff, input("")),
                Map.of("username", List.of("This field may not be blank.")));
    }

    @Test
    void usernameLengthAndCharacters() {
        assertFieldErrors(() -> service.create(staff, input("a".repeat(151))),
                Map.of("username", List.of("Ensure this field has no more than 150 characters.")));
        assertThat(service.create(staff, input("a".repeat(150))).username()).hasSize(150);
        for (String bad : List.of("bad name", "semi;colon", "fo\no", "quote\"")) {
            assertFieldErrors(() -> service.create(staff, input(bad)), Map.of("username", List.of(
                    "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_ characters.")));
        }
        assertThat(service.create(staff, input("José_.@+-9")).username()).isEqualTo("José_.@+-9");
    }

    @Test
    void usernameIsTrimmedLikeDrf() {
        assertThat(service.create(staff, input("  carol \n")).username()).isEqualTo("carol");
    }

    @Test
    void usernameUniqueButCaseSensitive() {
        assertFieldErrors(() -> service.create(staff, input("alice")),
                Map.of("username", List.of("A user with that username already exists.")));
        assertThat(service.create(staff, input("Alice")).username()).isEqualTo("Alice");
    }

    @Test
    void emailOptionalButValidated() {
        assertFieldErrors(() -> service.create(staff, input("e1").withEmail("not-an-email")),
                Map.of("email", List.of("Enter a valid email address.")));
        assertFieldErrors(() -> service.create(staff, input("e2").withEmail("a@b")),
                Map.of("email", List.of("Enter a valid email address.")));
        assertThat(service.create(staff, input("e3").withEmail("")).email()).isEmpty();
        assertThat(service.create(staff, input("e4").withEmail(" x.y+tag@example.co.uk ")).email())
                .isEqualTo("x.y+tag@example.co.uk");
    }

    @Test
    void passwordRules() {
        assertFieldErrors(() -> service.create(staff, input("p1").withPassword("adminpass\0")),
                Map.of("password", List.of("Null characters are not allowed.")));
        assertFieldErrors(() -> service.create(staff, input("p2").withPassword("")),
                Map.of("password", List.of("This field may not be blank.")));
        User spaced = service.create(staff, input("p3").withPassword("  spaced  "));
        assertThat(hasher.verify("  spaced  ", spaced.passwordHash()).matches()).as("never trimmed").isTrue();
    }

    @Test
    void unknownGroupUsesDrfText() {
        assertFieldErrors(() -> service.create(staff, input("g1").withGroups(List.of(editors, 7L))),
                Map.of("groups", List.of("Invalid pk \"7\" - object does not exist.")));
    }

    @Test
    void groupsStoredWithoutDuplicates() {
        long readers = groups.create("readers");
        User u = service.create(staff, input("g2").withGroups(List.of(readers, editors, readers)));
        assertThat(u.groupIds()).containsExactly(readers, editors);
    }

    @Test
    void allFieldErrorsReportedInFieldOrder() {
        assertFieldErrors(() -> service.create(staff, new UserInput("bad name", "nope", null, "x".repeat(151),
                        "a\0", List.of(99L), null, null, null)),
                ordered("username", UserRules.USERNAME_INVALID,
                        "email", "Enter a valid email address.",
                        "last_name", "Ensure this field has no more than 150 characters.",
                        "password", "Null characters are not allowed.",
                        "groups", "Invalid pk \"99\" - object does not exist."));
        assertThat(users.findByUsername("bad name")).isEmpty();
    }

    // --- updates ---

    @Test
    void patchChangesOnlyGivenFields() {
        User before = service.get(alice.userId());
        User after = service.update(alice, alice.userId(), UserInput.empty().withEmail("alice@example.com"), true);
        assertThat(after.email()).isEqualTo("alice@example.com");
        assertThat(after.username()).isEqualTo("alice");
        assertThat(after.passwordHash()).isEqualTo(before.passwordHash());
        assertThat(after.dateJoined()).isEqualTo(before.dateJoined());
    }

    @Test
    void putRequiresUsername() {
        assertFieldErrors(() -> service.update(alice, alice.userId(), UserInput.empty().withEmail("a@example.com"), false),
                Map.of("username", List.of("This field is required.")));
    }

    @Test
    void renameKeepsUniquenessButAllowsOwnName() {
        assertFieldErrors(() -> service.update(alice, alice.userId(), input("bob"), false),
                Map.of("username", List.of("A user with that username already exists.")));
        assertThat(service.update(alice, alice.userId(), input("alice"), false).username()).isEqualTo("alice");
    }

    @Test
    void ownPasswordChangeTakesEffect() {
        service.update(alice, alice.userId(), UserInput.empty().withPassword("newpass"), true);
        assertThat(service.authenticate("alice", "newpass")).isPresent();
        assertThat(service.authenticate("alice", "alicepass")).isEmpty();
    }

    @Test
    void updateOfMissingUserIsNotFound() {
        assertThatThrownBy(() -> service.update(staff, 999, input("x"), false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.get(999)).isInstanceOf(NotFoundException.class);
    }

    // --- permission matrix ---

    @Test
    void onlyStaffOrSuperuserCreates() {
        assertDenied(() -> service.create(alice, input("x1")));
        assertThat(service.create(staff, input("x2")).username()).isEqualTo("x2");
        assertThat(service.create(root, input("x3")).username()).isEqualTo("x3");
        assertThat(users.findByUsername("x1")).isEmpty();
    }

    @Test
    void onlySuperuserGrantsSuperuser() {
        assertDenied(() -> service.create(staff, input("s1").withSuperuser(true)));
        assertDenied(() -> service.update(staff, bobId, UserInput.empty().withSuperuser(true), true));
        assertThat(service.create(root, input("s2").withSuperuser(true)).superuser()).isTrue();
        assertThat(service.update(root, bobId, UserInput.empty().withSuperuser(true), true).superuser()).isTrue();
    }

    @Test
    void ordinaryUserUpdatesOnlyOwnRecord() {
        assertDenied(() -> service.update(alice, bobId, UserInput.empty().withEmail("x@example.com"), true));
        assertThat(service.get(bobId).email()).isEmpty();
        assertThat(service.update(alice, alice.userId(), UserInput.empty().withNames("Alice", "A"), true).firstName())
                .isEqualTo("Alice");
    }

    @Test
    void ordinaryUserCannotChangeOwnFlagsOrGroups() {
        long me = alice.userId();
        assertDenied(() -> service.update(alice, me, UserInput.empty().withStaff(true), true));
        assertDenied(() -> service.update(alice, me, UserInput.empty().withActive(false), true));
        assertDenied(() -> service.update(alice, me, UserInput.empty().withSuperuser(true), true));
        assertDenied(() -> service.update(alice, me, UserInput.empty().withGroups(List.of(editors)), true));
        User unchanged = service.get(me);
        assertThat(unchanged.staff()).isFalse();
        assertThat(unchanged.active()).isTrue();
        assertThat(unchanged.groupIds()).isEmpty();
    }

    @Test
    void ordinaryUserMayPutBackUnchangedFlagsAndGroups() {
        UserInput same = input("alice").withStaff(false).withActive(true).withSuperuser(false).withGroups(List.of());
        assertThat(service.update(alice, alice.userId(), same, false).username()).isEqualTo("alice");
    }

    @Test
    void staffManagesOrdinaryUsersAndGroups() {
        User bob = service.update(staff, bobId,
                UserInput.empty().withStaff(true).withActive(false).withGroups(List.of(editors)), true);
        assertThat(bob.staff()).isTrue();
        assertThat(bob.active()).isFalse();
        assertThat(bob.groupIds()).containsExactly(editors);
    }

    @Test
    void staffCannotTouchSuperuserAccounts() {
        assertDenied(() -> service.update(staff, root.userId(), UserInput.empty().withPassword("takeover"), true));
        assertDenied(() -> service.delete(staff, root.userId()));
        assertThat(service.authenticate("root", "rootpass")).isPresent();
    }

    @Test
    void deletePermissions() {
        assertDenied(() -> service.delete(alice, bobId));
        assertDenied(() -> service.delete(alice, alice.userId()));
        service.delete(staff, bobId);
        assertThat(users.findById(bobId)).isEmpty();
        service.delete(root, staff.userId());
        assertThat(users.findById(staff.userId())).isEmpty();
        assertThatThrownBy(() -> service.delete(root, bobId)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void nobodyDeletesThemselves() {
        assertThatThrownBy(() -> service.delete(staff, staff.userId()))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessage("You cannot delete your own account.");
        assertDenied(() -> service.delete(root, root.userId()));
        assertThat(users.findById(root.userId())).isPresent();
    }

    // --- authentication ---

    @Test
    void successfulLoginRecordsLastLogin() {
        User u = service.authenticate("alice", "alicepass").orElseThrow();
        Instant micros = Instant.parse("2025-01-02T03:04:05.123456Z");
        assertThat(u.lastLogin()).isEqualTo(micros);
        assertThat(users.findById(alice.userId()).orElseThrow().lastLogin()).isEqualTo(micros);
        assertThat(hasher.verifies).isEqualTo(1);
        assertThat(hasher.dummies).isZero();
    }

    @Test
    void wrongPasswordRecordsNothing() {
        assertThat(service.authenticate("alice", "wrong")).isEmpty();
        assertThat(service.authenticate("ALICE", "alicepass")).as("usernames are case-sensitive").isEmpty();
        assertThat(users.findById(alice.userId()).orElseThrow().lastLogin()).isNull();
    }

    @Test
    void unknownUserSpendsADummyVerify() {
        assertThat(service.authenticate("nobody", "whatever")).isEmpty();
        assertThat(service.authenticate(null, null)).isEmpty();
        assertThat(hasher.dummies).isEqualTo(2);
        assertThat(hasher.verifies).isZero();
    }

    @Test
    void inactiveUserIsRefusedAfterARealVerify() {
        service.update(staff, bobId, UserInput.empty().withActive(false), true);
        assertThat(service.authenticate("bob", "bobpass")).isEmpty();
        assertThat(hasher.verifies).isEqualTo(1);
        assertThat(users.findById(bobId).orElseThrow().lastLogin()).isNull();
    }

    @Test
    void loginUpgradesAnOutdatedHash() {
        users.updatePassword(bobId, new PasswordHasher(3).hash("bobpass"));
        User bob = service.authenticate("bob", "bobpass").orElseThrow();
        String stored = users.findById(bobId).orElseThrow().passwordHash();
        assertThat(stored).startsWith("pbkdf2_sha256$10$").isEqualTo(bob.passwordHash());
        assertThat(hasher.verify("bobpass", stored)).isEqualTo(new PasswordHasher.Verification(true, false));
    }

    @Test
    void currentHashIsNotRewrittenOnLogin() {
        String before = users.findById(bobId).orElseThrow().passwordHash();
        service.authenticate("bob", "bobpass").orElseThrow();
        assertThat(users.findById(bobId).orElseThrow().passwordHash()).isEqualTo(before);
    }

    // --- CLI paths, listing, representation ---

    @Test
    void changePasswordForTheCli() {
        service.changePassword("bob", "fresh");
        assertThat(service.authenticate("bob", "fresh")).isPresent();
        assertThatThrownBy(() -> service.changePassword("ghost", "x")).isInstanceOf(NotFoundException.class);
        assertFieldErrors(() -> service.changePassword("bob", "x\0"),
                Map.of("password", List.of("Null characters are not allowed.")));
        assertFieldErrors(() -> service.changePassword("bob", null),
                Map.of("password", List.of("This field is required.")));
    }

    @Test
    void createSuperuserSetsAllFlags() {
        User r = service.get(root.userId());
        assertThat(r.superuser()).isTrue();
        assertThat(r.staff()).isTrue();
        assertThat(r.active()).isTrue();
        assertThat(r.email()).isEqualTo("root@example.com");
    }

    @Test
    void listPagesInIdOrder() {
        Page<User> page = service.list(1, 2);
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.items()).extracting(User::username).containsExactly("staffer", "alice");
        assertThatThrownBy(() -> service.list(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletingAGroupDropsMemberships() {
        service.update(staff, bobId, UserInput.empty().withGroups(List.of(editors)), true);
        new GroupService(groups).delete(staff, editors);
        assertThat(service.get(bobId).groupIds()).isEmpty();
    }

    @Test
    void toStringNeverShowsTheHashOrPassword() {
        User bob = service.get(bobId);
        assertThat(bob.toString()).contains("bob").doesNotContain(bob.passwordHash()).doesNotContain("pbkdf2");
        assertThat(input("x").withPassword("hunter2").toString()).doesNotContain("hunter2");
    }
}
