package io.tollgate.web.ui;

import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.users.session.SignedInUser;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Small helpers the page resources share. */
public final class Pages {
    public static final String CSRF_FIELD = "csrf_token";

    private Pages() {
    }

    /** Double-submit check: the form's token must equal the visitor's CSRF cookie (compared in constant time). */
    public static boolean csrfValid(PageContext page, MultivaluedMap<String, String> form) {
        String sent = form == null ? null : form.getFirst(CSRF_FIELD);
        return form != null && form.get(CSRF_FIELD) != null && form.get(CSRF_FIELD).size() == 1
                && TokenHasher.constantTimeEquals(sent, page.csrfToken());
    }

    /** A form POST from one of our pages: the action runs only when the form carries the visitor's CSRF token. */
    public static Response csrfChecked(ContainerRequestContext request, MultivaluedMap<String, String> form,
                                       Function<PageContext, Response> action) {
        PageContext page = PageContext.of(request);
        return csrfValid(page, form) ? action.apply(page) : csrfFailure(page);
    }

    /** A page for signed-in people only: anyone else is sent to sign in, and then on to {@code loginNext}. */
    public static Response signedIn(ContainerRequestContext request, String loginNext,
                                    BiFunction<PageContext, SignedInUser, Response> action) {
        PageContext page = PageContext.of(request);
        return page.user().map(user -> action.apply(page, user)).orElseGet(() -> toLogin(loginNext));
    }

    /**
     * The answer to a consent page: CSRF-checked, and a 401 page when the session ended while the page was open
     * ({@code whatNext} tells the person how to start again).
     */
    public static Response consentAnswer(ContainerRequestContext request, MultivaluedMap<String, String> form,
                                         String whatNext, BiFunction<PageContext, SignedInUser, Response> action) {
        return csrfChecked(request, form, page -> page.user().map(user -> action.apply(page, user))
                .orElseGet(() -> html(401, new MessageView(page, "Signed out",
                        "You were signed out before answering. " + whatNext))));
    }

    public static Response csrfFailure(PageContext page) {
        return html(403, new MessageView(page, "Request refused",
                "This form has expired or was not sent from this site. Go back, reload the page and try again."));
    }

    public static Response notFound(PageContext page) {
        return html(404, new MessageView(page, "Not found", "There is nothing here, or it is not yours to see."));
    }

    public static Response html(int status, PageView view) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(view).build();
    }

    /**
     * To the sign-in page for OpenID Connect: {@code again} shows the form over a live session (prompt=login, an
     * exceeded max_age); {@code loginHint} (nullable) prefills the username.
     */
    public static Response toLogin(String next, boolean again, String loginHint) {
        StringBuilder url = new StringBuilder("/accounts/login/?next=").append(URLEncoder.encode(next, StandardCharsets.UTF_8));
        if (again) {
            url.append("&again=1");
        }
        if (loginHint != null) {
            url.append("&login_hint=").append(URLEncoder.encode(loginHint, StandardCharsets.UTF_8));
        }
        return Response.seeOther(URI.create(url.toString())).build();
    }

    public static Response toLogin(String next) {
        return Response.seeOther(URI.create("/accounts/login/?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)))
                .build();
    }

    /** The form value, or "" when absent; trimmed of nothing (passwords keep their spaces). */
    public static String field(MultivaluedMap<String, String> form, String name) {
        String value = form == null ? null : form.getFirst(name);
        return value == null ? "" : value;
    }
}
