package io.tollgate.web.admin;

import io.tollgate.audit.AuditEvent;
import io.tollgate.audit.AuditLog;
import io.tollgate.audit.AuditOutcome;
import io.tollgate.audit.AuditParty;
import io.tollgate.users.Actor;
import io.tollgate.users.User;
import io.tollgate.users.UserStore;
import io.tollgate.web.ui.MessageView;
import io.tollgate.web.ui.PageContext;
import io.tollgate.web.ui.Pages;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * The door of every console page: signed out goes to sign-in, a signed-in user who is not active staff gets
 * 403 (and an audit event), and a POST must carry the visitor's CSRF token. The user is read fresh from the
 * store on each request, so a demotion takes effect on the next click, not at the next sign-in.
 */
public record AdminGuard(UserStore users, AuditLog audit, Clock clock) {
    /** An active staff user (or superuser) on a console page. */
    public record Staff(PageContext page, User user) {
        public Actor actor() {
            return Actor.of(user);
        }

        public boolean superuser() {
            return user.superuser();
        }

        public AuditParty party() {
            return AuditParty.user(user.id(), user.username());
        }
    }

    public Response get(ContainerRequestContext request, Function<Staff, Response> action) {
        return staff(request).map(action).orElseGet(() -> refusal(request));
    }

    public Response post(ContainerRequestContext request, MultivaluedMap<String, String> form,
                         Function<Staff, Response> action) {
        Optional<Staff> staff = staff(request);
        if (staff.isEmpty()) {
            return refusal(request);
        }
        if (!Pages.csrfValid(staff.get().page(), form)) {
            audit.record(AuditEvent.of("admin.csrf_refused", AuditOutcome.FAILURE).actor(staff.get().party())
                    .detail("path", path(request)).at(clock.instant()));
            return Pages.csrfFailure(staff.get().page());
        }
        return action.apply(staff.get());
    }

    private Optional<Staff> staff(ContainerRequestContext request) {
        PageContext page = PageContext.of(request);
        return page.user().flatMap(signedIn -> users.findById(signedIn.userId()))
                .filter(user -> user.active() && (user.staff() || user.superuser()))
                .map(user -> new Staff(page, user));
    }

    private Response refusal(ContainerRequestContext request) {
        PageContext page = PageContext.of(request);
        if (page.user().isEmpty()) {
            return "GET".equals(request.getMethod()) ? Pages.toLogin(path(request)) : Pages.toLogin("/admin/");
        }
        audit.record(AuditEvent.of("admin.access_denied", AuditOutcome.FAILURE)
                .actor(AuditParty.user(page.user().get().userId(), page.user().get().username()))
                .detail("path", path(request)).at(clock.instant()));
        return Pages.html(403, new MessageView(page, "Staff only",
                "The operator console is for staff users. Ask an administrator if you need access."));
    }

    private static String path(ContainerRequestContext request) {
        return request.getUriInfo().getRequestUri().getRawPath();
    }
}
