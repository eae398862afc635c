package io.tollgate.users;

import io.tollgate.throttle.AttemptThrottle;
import io.tollgate.throttle.Throttled;
import io.tollgate.users.PasswordHasher.Verification;
import io.tollgate.oauth.event.LoginFailed;
import io.tollgate.oauth.event.LoginSucceeded;
import io.tollgate.oauth.event.ProtocolEventPublisher;
import io.tollgate.oauth.event.UserChanged;
import io.tollgate.oauth.event.UserDeactivated;
import io.tollgate.oauth.event.UserDeleted;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for users, independent of HTTP: logins, validation with DRF's messages, and who may change what.
 *
 * <p>Permissions: any authenticated actor reads. An ordinary user updates only their own record and never its
 * flags or groups. Creating, deleting, changing others and changing groups needs staff (a superuser counts as
 * staff). Only a superuser may change the superuser flag or touch a superuser's account, since a staff user who
 * could set a superuser's password would be a superuser. Nobody deletes their own account through the API, so
 * the last administrator cannot lock everyone out by accident.
 */
public final class UserService {

    private final UserStore users;
    private final GroupStore groups;
    private final PasswordHasher hasher;
    private final Clock clock;
    /** Nullable: the trusted command-line tools authenticate nobody and need no throttle. */
    private final AttemptThrottle throttle;
    private final ProtocolEventPublisher events;

    public UserService(UserStore users, GroupStore groups, PasswordHasher hasher, Clock clock) {
        this(users, groups, hasher, clock, null, ProtocolEventPublisher.NONE);
    }

    public UserService(UserStore users, GroupStore groups, PasswordHasher hasher, Clock clock, AttemptThrottle throttle) {
        this(users, groups, hasher, clock, throttle, ProtocolEventPublisher.NONE);
    }

    /** @param events told of failed logins and of every change that affects a user's tokens and sessions */
    public UserService(UserStore users, GroupStore groups, PasswordHasher hasher, Clock clock, AttemptThrottle throttle,
                       ProtocolEventPublisher events) {
        this.events = Objects.requireNonNull(events, "events");
        this.throttle = throttle;
        this.users = Objects.requireNonNull(users, "users");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A login from an unknown address; see {@link #authenticate(String, String, String)}. */
    public Optional<User> authenticate(String username, String password) {
        return authenticate(username, password, null);
    }

    /**
     * Checks a login. Every path spends one full hash, so timing tells nothing about which usernames exist or
     * are active — except a throttled attempt, which spends none and says only that it must wait (whether the
     * username exists or not). A correct password stored at an outdated cost is rehashed at the configured one.
     *
     * @param clientAddress where the attempt came from, as the web layer resolved it (nullable)
     * @throws Throttled when too many recent failures for this username (from this address, or from all) make
     *                   the attempt wait; the password was not checked
     */
    public Optional<User> authenticate(String username, String password, String clientAddress) {
        AttemptThrottle.Attempt attempt;
        try {
            attempt = throttle == null ? null : throttle.begin(AttemptThrottle.Kind.LOGIN, username, clientAddress);
        } catch (Throttled throttled) {
            events.publish(new LoginFailed(now(), username, true));
            throw throttled;
        }
        Optional<User> found = username == null ? Optional.empty() : users.findByUsername(username);
        if (found.isEmpty()) {
            hasher.verifyDummy(password);
            return failedLogin(attempt, username);
        }
        User user = found.get();
        Verification check = hasher.verify(password, user.passwordHash());
        if (!check.matches() || !user.active()) {
            return failedLogin(attempt, username);
        }
        if (attempt != null) {
            attempt.succeeded();
        }
        Instant now = now();
        users.recordLogin(user.id(), now);
        events.publish(new LoginSucceeded(now, user.id(), user.username()));
        if (check.needsRehash()) {
            String fresh = hasher.hash(password);
            users.updatePassword(user.id(), fresh);
            user = user.withPasswordHash(fresh);
        }
        return Optional.of(user.withLastLogin(now));
    }

    private Optional<User> failedLogin(AttemptThrottle.Attempt attempt, String username) {
        if (attempt != null) {
            attempt.failed();
        }
        events.publish(new LoginFailed(now(), username, false));
        return Optional.empty();
    }

    public User get(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("user " + id));
    }

    public Page<User> list(int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
        }
        return users.list(offset, limit);
    }

    public User create(Actor actor, UserInput input) {
        if (!actor.canManage() || (Boolean.TRUE.equals(input.isSuperuser()) && !actor.superuser())) {
            throw new PermissionDeniedException();
        }
        Cleaned in = validate(input, true, null);
        NewUser user = new NewUser(in.username, orEmpty(in.email), orEmpty(in.firstName), orEmpty(in.lastName),
                in.password == null ? hasher.unusable() : hasher.hash(in.password),
                input.isActive() == null || input.isActive(), Boolean.TRUE.equals(input.isStaff()),
                Boolean.TRUE.equals(input.isSuperuser()), now(), in.groups == null ? List.of() : in.groups);
        return get(insert(user));
    }

    /** PUT when {@code partial} is false (username then required), PATCH when true; absent fields stay. */
    public User update(Actor actor, long id, UserInput input, boolean partial) {
        User current = get(id);
        checkMayUpdate(actor, current, input);
        Cleaned in = validate(input, !partial, id);
        User changed = new User(id,
                in.username == null ? current.username() : in.username,
                in.email == null ? current.email() : in.email,
                in.firstName == null ? current.firstName() : in.firstName,
                in.lastName == null ? current.lastName() : in.lastName,
                in.password == null ? current.passwordHash() : hasher.hash(in.password),
                input.isActive() == null ? current.active() : input.isActive(),
                input.isStaff() == null ? current.staff() : input.isStaff(),
                input.isSuperuser() == null ? current.superuser() : input.isSuperuser(),
                current.dateJoined(), current.lastLogin(),
                in.groups == null ? current.groupIds() : in.groups);
        try {
            users.update(changed);
        } catch (UniqueViolationException e) {
            throw ValidationException.of("username", UserRules.USERNAME_TAKEN);
        }
        events.publish(current.active() && !changed.active() ? new UserDeactivated(now(), id)
                : new UserChanged(now(), id, UserChanged.Change.UPDATED));
        return get(id);
    }

    public void delete(Actor actor, long id) {
        if (!actor.canManage()) {
            throw new PermissionDeniedException();
        }
        User target = get(id);
        if (target.id() == actor.userId()) {
            throw new PermissionDeniedException("You cannot delete your own account.");
        }
        if (target.superuser() && !actor.superuser()) {
            throw new PermissionDeniedException();
        }
        if (!users.delete(id)) {
            throw new NotFoundException("user " + id);
        }
        events.publish(new UserDeleted(now(), id));
    }

    /** For the trusted createsuperuser command; a null password leaves the account unusable, as Django does. */
    public User createSuperuser(String username, String email, String password) {
        Cleaned in = validate(new UserInput(username, email, null, null, password, null, null, null, null), true, null);
        String hash = in.password == null ? hasher.unusable() : hasher.hash(in.password);
        return get(insert(new NewUser(in.username, orEmpty(in.email), "", "", hash, true, true, true, now(), List.of())));
    }

    /** For the trusted changepassword command. */
    public void changePassword(String username, String newPassword) {
        User user = users.findByUsername(username).orElseThrow(() -> new NotFoundException("user " + username));
        FieldErrors errors = new FieldErrors();
        String password = password(errors, newPassword, true);
        errors.throwIfAny();
        users.updatePassword(user.id(), hasher.hash(password));
        events.publish(new UserChanged(now(), user.id(), UserChanged.Change.PASSWORD_CHANGED));
    }

    private void checkMayUpdate(Actor actor, User target, UserInput input) {
        boolean self = actor.userId() == target.id();
        if (!self && !actor.canManage()) {
            throw new PermissionDeniedException();
        }
        if (target.superuser() && !actor.superuser()) {
            throw new PermissionDeniedException();
        }
        // Values equal to the stored ones are not changes, so a client may PUT back what it read.
        boolean flagsOrGroupsChange = changes(input.isStaff(), target.staff())
                || changes(input.isActive(), target.active())
                || changes(input.isSuperuser(), target.superuser())
                || (input.groups() != null && !Set.copyOf(input.groups()).equals(Set.copyOf(target.groupIds())));
        if (flagsOrGroupsChange && !actor.canManage()) {
            throw new PermissionDeniedException();
        }
        if (changes(input.isSuperuser(), target.superuser()) && !actor.superuser()) {
            throw new PermissionDeniedException();
        }
    }

    private static boolean changes(Boolean given, boolean current) {
        return given != null && given != current;
    }

    private long insert(NewUser user) {
        long id;
        try {
            id = users.create(user);
        } catch (UniqueViolationException e) {
            throw ValidationException.of("username", UserRules.USERNAME_TAKEN);
        }
        events.publish(new UserChanged(now(), id, UserChanged.Change.CREATED));
        return id;
    }

    private record Cleaned(String username, String email, String firstName, String lastName, String password,
                           List<Long> groups) {}

    private Cleaned validate(UserInput input, boolean usernameRequired, Long exceptId) {
        FieldErrors errors = new FieldErrors();
        String username = errors.text("username", input.username(), usernameRequired, false,
                UserRules.USERNAME_MAX, true);
        if (username != null && !UserRules.validUsername(username)) {
            errors.add("username", UserRules.USERNAME_INVALID);
        } else if (username != null && users.usernameTaken(username, exceptId)) {
            errors.add("username", UserRules.USERNAME_TAKEN);
        }
        String email = errors.text("email", input.email(), false, true, UserRules.EMAIL_MAX, true);
        if (email != null && !email.isEmpty() && !UserRules.validEmail(email)) {
            errors.add("email", UserRules.EMAIL_INVALID);
        }
        String firstName = errors.text("first_name", input.firstName(), false, true, UserRules.NAME_MAX, true);
        String lastName = errors.text("last_name", input.lastName(), false, true, UserRules.NAME_MAX, true);
        String password = password(errors, input.password(), false);
        List<Long> groupIds = groupIds(errors, input.groups());
        errors.throwIfAny();
        return new Cleaned(username, email, firstName, lastName, password, groupIds);
    }

    private static String password(FieldErrors errors, String raw, boolean required) {
        // Never trimmed: spaces are part of a password, as in Django's forms.
        String password = errors.text("password", raw, required, false, Integer.MAX_VALUE, false);
        if (password != null && PasswordHasher.passwordProblem(password) != null) {
            errors.add("password", "The password contains an invalid character.");
            return null;
        }
        return password;
    }

    private List<Long> groupIds(FieldErrors errors, List<Long> given) {
        if (given == null) {
            return null;
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(given));
        if (!groups.allExist(ids)) {
            // DRF reports the first id that does not resolve.
            ids.stream().filter(id -> groups.findById(id).isEmpty()).findFirst().ifPresent(id ->
                    errors.add("groups", "Invalid pk \"" + id + "\" - object does not exist."));
        }
        return ids;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    // Microseconds: what PostgreSQL and Django keep, so a stored instant reads back equal.
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
