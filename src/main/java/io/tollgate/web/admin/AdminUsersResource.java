package io.tollgate.web.admin;

import io.tollgate.admin.AdminQueries;
import io.tollgate.admin.AdminQueries.TokenFilter;
import io.tollgate.admin.AdminQueries.TokenStatus;
import io.tollgate.admin.AdminQueries.UserRow;
import io.tollgate.admin.AdminTokens;
import io.tollgate.admin.PasswordPolicy;
import io.tollgate.audit.AuditEvent;
import io.tollgate.audit.AuditLog;
import io.tollgate.audit.AuditOutcome;
import io.tollgate.audit.AuditParty;
import io.tollgate.audit.AuditQuery;
import io.tollgate.audit.AuditStore;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.users.Group;
import io.tollgate.users.GroupService;
import io.tollgate.users.NotFoundException;
import io.tollgate.users.Page;
import io.tollgate.users.PermissionDeniedException;
import io.tollgate.users.User;
import io.tollgate.users.UserInput;
import io.tollgate.users.UserService;
import io.tollgate.users.ValidationException;
import io.tollgate.web.ui.AdminView;
import io.tollgate.web.ui.BrowserPage;
import io.tollgate.web.ui.ItemRequest;
import io.tollgate.web.ui.MessageView;
import io.tollgate.web.ui.Pages;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** /admin/users/: list and search, create, a user's page with edit, password, activation and token revocation. */
@Path("/admin")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public record AdminUsersResource(AdminGuard guard, UserService users, GroupService groups, AdminQueries queries,
                                 AdminTokens tokens, ClientStore clients, AuditStore auditStore, AuditLog audit,
                                 Clock clock) {
    private static final String ITEM = "/users/{id: [0-9]{1,18}}/";
    private static final String SOURCE = "admin_console";

    public record UsersModel(List<UserItem> users, String search, PageLinks paging) {
    }

    public record UserItem(long id, String username, String email, boolean active, boolean staff, boolean superuser,
                           String lastLogin) {
        static UserItem of(UserRow row) {
            return new UserItem(row.id(), row.username(), row.email(), row.active(), row.staff(), row.superuser(),
                    AdminFormat.time(row.lastLogin()));
        }
    }

    public record GroupChoice(long id, String name, boolean checked) {
    }

    public record UserForm(String username, String email, String firstName, String lastName, boolean active,
                           boolean staff, boolean superuser, List<GroupChoice> groups,
                           Map<String, List<String>> errors) {
        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    public record UserDetail(long id, String username, boolean self, String dateJoined, String lastLogin,
                             UserForm form, List<ApplicationItem> applications, List<TokenItem> tokens,
                             List<AdminAuditResource.EventItem> events, String notice,
                             Map<String, List<String>> passwordErrors) {
        public boolean hasPasswordErrors() {
            return !passwordErrors.isEmpty();
        }
    }

    public record ApplicationItem(long id, String name, String clientId) {
    }

    public record TokenItem(String kind, long id, String clientId, String scope, String created, String expires) {
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/admin/users/")).build();
    }

    @GET
    @Path("/users/")
    public Response list(@QueryParam("q") String search, @QueryParam("page") String page,
                         @Context UriInfo uri, @Context ContainerRequestContext request) {
        return guard.get(request, staff -> {
            String q = search == null || search.isBlank() ? null : clip(search.strip(), 150);
            int number = PageLinks.number(page);
            Page<UserRow> found = queries.searchUsers(q, PageLinks.offset(number), PageLinks.SIZE);
            return Pages.html(200, AdminPage.view("admin_users.mustache", "Users", staff, "users",
                    new UsersModel(found.items().stream().map(UserItem::of).toList(), q == null ? "" : q,
                            PageLinks.of(uri, found.total(), number))));
        });
    }

    @GET
    @Path("/users/new/")
    public Response createForm(@Context ContainerRequestContext request) {
        return guard.get(request, staff -> Pages.html(200, createView(staff,
                new UserForm("", "", "", "", true, false, false, groupChoices(List.of()), Map.of()))));
    }

    @POST
    @Path("/users/new/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        return guard.post(request, form, staff -> {
            List<Long> groupIds = groupIds(form);
            boolean staffFlag = form.containsKey("is_staff");
            boolean superFlag = form.containsKey("is_superuser");
            UserForm echo = new UserForm(Pages.field(form, "username"), Pages.field(form, "email"),
                    Pages.field(form, "first_name"), Pages.field(form, "last_name"), form.containsKey("is_active"),
                    staffFlag, superFlag, groupChoices(groupIds), Map.of());
            Map<String, List<String>> errors = new LinkedHashMap<>(passwordProblems(form, echo.username()));
            if ((staffFlag || superFlag) && !staff.superuser()) {
                errors.put("is_staff", List.of("Only a superuser can grant staff or superuser status."));
            }
            if (!errors.isEmpty()) {
                return Pages.html(400, createView(staff, withErrors(echo, errors)));
            }
            try {
                User created = users.create(staff.actor(), new UserInput(echo.username(), echo.email(),
                        echo.firstName(), echo.lastName(), Pages.field(form, "password1"), groupIds, staffFlag,
                        echo.active(), superFlag));
                audit.record(userEvent("admin.user.created", staff, created).detail("staff", created.staff())
                        .detail("superuser", created.superuser()).detail("groups", created.groupIds().size())
                        .at(clock.instant()));
                return Response.seeOther(URI.create("/admin/users/" + created.id() + "/?notice=created")).build();
            } catch (ValidationException e) {
                return Pages.html(400, createView(staff, withErrors(echo, e.errors())));
            } catch (PermissionDeniedException e) {
                return forbidden(staff, e);
            }
        });
    }

    @GET
    @Path(ITEM)
    public Response detail(@PathParam("id") long id, @QueryParam("notice") String notice,
                           @Context ContainerRequestContext request) {
        return guard.get(request, staff -> withUser(staff, id, user ->
                Pages.html(200, detailView(staff, user, formOf(user), Map.of(), notice(notice)))));
    }

    @POST
    @Path(ITEM)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@BeanParam ItemRequest item, MultivaluedMap<String, String> form) {
        return postOnUser(item, form, (staff, user) -> {
            List<Long> groupIds = groupIds(form);
            // Flags are a superuser's to change; for staff they stay as they are whatever the form says.
            Boolean staffFlag = staff.superuser() ? form.containsKey("is_staff") : null;
            Boolean superFlag = staff.superuser() ? form.containsKey("is_superuser") : null;
            boolean active = form.containsKey("is_active");
            UserInput input = new UserInput(Pages.field(form, "username"), Pages.field(form, "email"),
                    Pages.field(form, "first_name"), Pages.field(form, "last_name"), null, groupIds, staffFlag,
                    active, superFlag);
            try {
                User changed = users.update(staff.actor(), user.id(), input, true);
                recordChange(staff, user, changed);
                return backTo(user.id(), "saved");
            } catch (ValidationException e) {
                UserForm echo = new UserForm(input.username(), input.email(), input.firstName(), input.lastName(),
                        active, staffFlag == null ? user.staff() : staffFlag,
                        superFlag == null ? user.superuser() : superFlag, groupChoices(groupIds), e.errors());
                return Pages.html(400, detailView(staff, user, echo, Map.of(), null));
            }
        });
    }

    @POST
    @Path(ITEM + "password/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setPassword(@BeanParam ItemRequest item, MultivaluedMap<String, String> form) {
        return postOnUser(item, form, (staff, user) -> {
            Map<String, List<String>> errors = passwordProblems(form, user.username());
            if (errors.isEmpty()) {
                try {
                    UserInput password = UserInput.empty().withPassword(Pages.field(form, "password1"));
                    users.update(staff.actor(), user.id(), password, true);
                    audit.record(userEvent("admin.user.password_changed", staff, user).at(clock.instant()));
                    return backTo(user.id(), "password");
                } catch (ValidationException e) {
                    errors = Map.of("password1", e.errors().getOrDefault("password", List.of("Invalid password.")));
                }
            }
            return Pages.html(400, detailView(staff, user, formOf(user), errors, null));
        });
    }

    @POST
    @Path(ITEM + "active/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setActive(@BeanParam ItemRequest item, MultivaluedMap<String, String> form) {
        return postOnUser(item, form, (staff, user) -> {
            boolean active = "true".equals(Pages.field(form, "active"));
            if (user.id() == staff.user().id() && !active) {
                return Pages.html(400, new MessageView(staff.page(), "Not allowed",
                        "You cannot deactivate your own account."));
            }
            User changed = users.update(staff.actor(), user.id(), UserInput.empty().withActive(active), true);
            recordChange(staff, user, changed);
            return backTo(user.id(), "saved");
        });
    }

    @POST
    @Path(ITEM + "revoke-tokens/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeTokens(@BeanParam ItemRequest item, MultivaluedMap<String, String> form) {
        return postOnUser(item, form, (staff, user) -> {
            if (user.superuser() && !staff.superuser()) {
                throw new PermissionDeniedException();
            }
            int count = tokens.revokeUserTokens(staff.party(), user.id(), user.username(), SOURCE);
            return backTo(user.id(), "revoked-" + count);
        });
    }

    private void recordChange(AdminGuard.Staff staff, User before, User after) {
        AuditEvent.Builder event = userEvent(before.active() && !after.active() ? "admin.user.deactivated"
                : !before.active() && after.active() ? "admin.user.activated" : "admin.user.changed", staff, after);
        if (!before.username().equals(after.username())) {
            event.detail("username_from", before.username());
        }
        if (before.staff() != after.staff()) {
            event.detail("staff", after.staff());
        }
        if (before.superuser() != after.superuser()) {
            event.detail("superuser", after.superuser());
        }
        if (!Set.copyOf(before.groupIds()).equals(Set.copyOf(after.groupIds()))) {
            event.detail("groups", after.groupIds().toString());
        }
        audit.record(event.at(clock.instant()));
    }

    /** A successful change to {@code user}'s account made on these pages, by {@code staff}. */
    private static AuditEvent.Builder userEvent(String name, AdminGuard.Staff staff, User user) {
        return AuditEvent.of(name, AuditOutcome.SUCCESS).actor(staff.party())
                .subject(AuditParty.user(user.id(), user.username())).detail("source", SOURCE);
    }

    /**
     * A POST on one user's page: signed-in staff, a good CSRF token, and the user found (404 otherwise); what the
     * staff member may not do is the audited 403 page.
     */
    private Response postOnUser(ItemRequest item, MultivaluedMap<String, String> form,
                                java.util.function.BiFunction<AdminGuard.Staff, User, Response> action) {
        return guard.post(item.context(), form, staff -> withUser(staff, item.number(), user -> {
            try {
                return action.apply(staff, user);
            } catch (PermissionDeniedException e) {
                return forbidden(staff, e);
            }
        }));
    }

    /** Back to the user's page, with a notice saying what was done. */
    private static Response backTo(long id, String notice) {
        return Response.seeOther(URI.create("/admin/users/" + id + "/?notice=" + notice)).build();
    }

    private Response withUser(AdminGuard.Staff staff, long id, Function<User, Response> action) {
        try {
            return action.apply(users.get(id));
        } catch (NotFoundException e) {
            return Pages.notFound(staff.page());
        }
    }

    private Response forbidden(AdminGuard.Staff staff, PermissionDeniedException e) {
        audit.record(AuditEvent.of("admin.action_denied", AuditOutcome.FAILURE).actor(staff.party())
                .detail("reason", e.detail()).at(clock.instant()));
        return Pages.html(403, new MessageView(staff.page(), "Not allowed",
                e.detail() + " Changes to superusers and to staff or superuser status need a superuser."));
    }

    private AdminView createView(AdminGuard.Staff staff, UserForm form) {
        return AdminPage.view("admin_user_new.mustache", "New user", staff, "users", form);
    }

    private AdminView detailView(AdminGuard.Staff staff, User user, UserForm form,
                                 Map<String, List<String>> passwordErrors, String notice) {
        List<ApplicationItem> apps = clients.listByOwner(user.id()).stream()
                .map(c -> new ApplicationItem(c.id(), c.name(), c.clientId())).toList();
        List<TokenItem> live = queries.searchTokens(new TokenFilter(user.username(), null, null, TokenStatus.ACTIVE),
                        clock.instant(), 0, 50).items().stream()
                .map(t -> new TokenItem(t.kind().name().toLowerCase(java.util.Locale.ROOT), t.id(), t.clientId(),
                        t.scope(), AdminFormat.time(t.created()), AdminFormat.time(t.expires()))).toList();
        List<AdminAuditResource.EventItem> events = auditStore.find(AuditQuery.forUser(user.id()), 0, 20).items()
                .stream().map(AdminAuditResource.EventItem::of).toList();
        return AdminPage.view("admin_user.mustache", user.username(), staff, "users",
                new UserDetail(user.id(), user.username(), user.id() == staff.user().id(),
                        AdminFormat.time(user.dateJoined()), AdminFormat.time(user.lastLogin()), form, apps, live,
                        events, notice, passwordErrors));
    }

    private UserForm formOf(User user) {
        return new UserForm(user.username(), user.email(), user.firstName(), user.lastName(), user.active(),
                user.staff(), user.superuser(), groupChoices(user.groupIds()), Map.of());
    }

    private static UserForm withErrors(UserForm form, Map<String, List<String>> errors) {
        return new UserForm(form.username(), form.email(), form.firstName(), form.lastName(), form.active(),
                form.staff(), form.superuser(), form.groups(), errors);
    }

    private List<GroupChoice> groupChoices(List<Long> selected) {
        return groups.list(0, 1000).items().stream()
                .map((Group g) -> new GroupChoice(g.id(), g.name(), selected.contains(g.id()))).toList();
    }

    private static List<Long> groupIds(MultivaluedMap<String, String> form) {
        List<Long> ids = new ArrayList<>();
        for (String value : form.getOrDefault("groups", List.of())) {
            try {
                ids.add(Long.parseLong(value));
            } catch (NumberFormatException e) {
                // An id that is not a number names no group; the service reports unknown numeric ids.
                ids.add(-1L);
            }
        }
        return ids;
    }

    /** Both fields, equal, and the policy met; keyed "password1" for the form. Never echoes the password. */
    private static Map<String, List<String>> passwordProblems(MultivaluedMap<String, String> form, String username) {
        String first = Pages.field(form, "password1");
        String second = Pages.field(form, "password2");
        List<String> problems = new ArrayList<>();
        if (first.isEmpty()) {
            problems.add("This field is required.");
        } else if (!first.equals(second)) {
            problems.add("The two password fields didn't match.");
        } else {
            problems.addAll(PasswordPolicy.problems(first, username));
        }
        return problems.isEmpty() ? Map.of() : Map.of("password1", problems);
    }

    private static String notice(String code) {
        if (code == null) {
            return null;
        }
        if (code.matches("revoked-[0-9]{1,9}")) {
            return "Revoked " + code.substring("revoked-".length()) + " tokens.";
        }
        return switch (code) {
            case "created" -> "User created.";
            case "saved" -> "Changes saved.";
            case "password" -> "Password set. The user's browser sessions have ended.";
            default -> null;
        };
    }

    private static String clip(String value, int max) {
        String clean = value.replaceAll("\\p{Cntrl}", "");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
