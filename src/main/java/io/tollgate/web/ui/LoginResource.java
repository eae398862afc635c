package io.tollgate.web.ui;

import io.tollgate.oauth.store.ClientStore;
import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.throttle.Throttled;
import io.tollgate.users.User;
import io.tollgate.users.UserService;
import io.tollgate.web.security.ClientAddresses;
import io.tollgate.users.session.SessionManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/**
 * Sign-in and sign-out for people.
 *
 * @param clients nullable: lets the form continue an authorization request straight to its client
 */
@Path("/accounts")
@BrowserPage
@Produces(MediaType.TEXT_HTML)
public record LoginResource(UserService users, SessionManager sessions, Cookies cookies, TokenGenerator generator,
                            ClientStore clients) {
    /** One message for every failure, so the page never tells whether a username exists. */
    static final String BAD_LOGIN = "Please enter a correct username and password. Both fields may be case-sensitive.";
    /** Says to wait, and nothing about whether the username exists or the password was right. */
    static final String THROTTLED = "Too many failed sign-in attempts. Please wait %d seconds and try again.";
    private static final int MAX_INPUT = 4096;

    public LoginResource(UserService users, SessionManager sessions, Cookies cookies, TokenGenerator generator) {
        this(users, sessions, cookies, generator, null);
    }

    @GET
    @Path("/login/")
    public Response form(@QueryParam("next") String next, @QueryParam("again") String again,
                         @QueryParam("login_hint") String loginHint, @Context ContainerRequestContext request) {
        PageContext page = PageContext.of(request);
        String target = LocalPaths.orHome(next);
        // again=1: OpenID Connect asks for a fresh sign-in over a live session; signing in replaces the session.
        if (page.user().isPresent() && !"1".equals(again)) {
            return Response.seeOther(URI.create(target)).build();
        }
        String hint = loginHint == null || loginHint.length() > 150 || loginHint.indexOf('\0') >= 0 ? "" : loginHint;
        allowFormActionFor(target, request);
        return Pages.html(200, new LoginView(page, hint, target, null));
    }

    @POST
    @Path("/login/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        return Pages.csrfChecked(request, form, page -> {
            String username = Pages.field(form, "username");
            String password = Pages.field(form, "password");
            String next = LocalPaths.orHome(Pages.field(form, "next"));
            String shown = username.length() > 150 || username.indexOf('\0') >= 0 ? "" : username;
            allowFormActionFor(next, request);
            Optional<User> user;
            try {
                user = acceptable(username) && acceptable(password)
                        ? users.authenticate(username, password, ClientAddresses.of(request)) : Optional.empty();
            } catch (Throttled throttled) {
                // 429 with the form: a person reads the message, a script reads the status and Retry-After.
                return Response.fromResponse(Pages.html(429, new LoginView(page, shown, next,
                                String.format(THROTTLED, throttled.retryAfterSeconds()))))
                        .header(HttpHeaders.RETRY_AFTER, throttled.retryAfterSeconds()).build();
            }
            if (user.isEmpty()) {
                return Pages.html(200, new LoginView(page, shown, next, BAD_LOGIN));
            }
            // Always a fresh session id and a fresh CSRF token: nothing chosen before sign-in survives it (fixation).
            sessions.end(page.sessionCookie());
            String session = sessions.start(user.get().id(), user.get().passwordHash());
            return Response.seeOther(URI.create(next))
                    .cookie(cookies.session(session, page.secure()),
                            cookies.csrf(generator.generate(), page.secure()))
                    .build();
        });
    }

    @POST
    @Path("/logout/")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(MultivaluedMap<String, String> form, @Context ContainerRequestContext request) {
        return Pages.csrfChecked(request, form, page -> {
            sessions.end(page.sessionCookie());
            return Response.seeOther(URI.create("/accounts/login/")).cookie(cookies.clearSession(page.secure()))
                    .build();
        });
    }

    private void allowFormActionFor(String next, ContainerRequestContext request) {
        if (clients != null) {
            SignInFormAction.forNext(next, clients)
                    .ifPresent(source -> request.setProperty(PageFilter.EXTRA_FORM_ACTION, source));
        }
    }

    /** NUL bytes and huge values never reach the hasher: they could only be attacks, and must not become a 500. */
    private static boolean acceptable(String value) {
        return !value.isEmpty() && value.length() <= MAX_INPUT && value.indexOf('\0') < 0;
    }
}
