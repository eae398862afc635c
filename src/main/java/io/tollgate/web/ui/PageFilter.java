package io.tollgate.web.ui;

import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.users.session.SessionManager;
import io.tollgate.users.session.SignedInUser;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Gives every {@link BrowserPage} request its {@link PageContext} (session, CSRF token) and every page response
 * the security headers. CSP has no inline script at all; the consent page widens form-action to the client's
 * redirect origin, because browsers apply form-action to the redirect that follows the Allow/Deny POST.
 */
@BrowserPage
@Priority(Priorities.AUTHENTICATION)
public record PageFilter(SessionManager sessions, TokenGenerator generator, Cookies cookies) implements ContainerRequestFilter, ContainerResponseFilter {
    /** A resource may set this request property to a space-separated list of extra form-action sources. */
    public static final String EXTRA_FORM_ACTION = PageFilter.class.getName() + ".formAction";
    /**
     * Set by the form_post response page to the CSP source of its one form's target. That page alone may run a
     * script (this server's own file, never inline) and post a form, to that target only.
     */
    public static final String FORM_POST_TARGET = PageFilter.class.getName() + ".formPost";
    static final String FORM_POST_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action ";
    /** A resource sets this request property to let the page load script files from this server (never inline). */
    public static final String SCRIPTS_FROM_SELF = PageFilter.class.getName() + ".scripts";
    private static final String NEW_CSRF = PageFilter.class.getName() + ".newCsrf";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    static final String CSP = "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; img-src 'self' data:; style-src 'self'; form-action 'self'";

    @Override
    public void filter(ContainerRequestContext request) {
        boolean secure = "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
        Cookie sessionCookie = request.getCookies().get(cookies.sessionName());
        String sessionValue = sessionCookie == null ? null : sessionCookie.getValue();
        Optional<SignedInUser> user = sessions.resolve(sessionValue);
        Cookie csrfCookie = request.getCookies().get(cookies.csrfName());
        String csrf = csrfCookie == null ? null : csrfCookie.getValue();
        if (csrf == null || !TOKEN.matcher(csrf).matches()) {
            csrf = generator.generate();
            request.setProperty(NEW_CSRF, Boolean.TRUE);
        }
        request.setProperty(PageContext.PROPERTY, new PageContext(user, sessionValue, csrf, secure));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        Object extra = request.getProperty(EXTRA_FORM_ACTION);
        Object formPost = request.getProperty(FORM_POST_TARGET);
        if (formPost != null) {
            headers.putSingle("Content-Security-Policy", FORM_POST_CSP + formPost);
        } else {
            String csp = Boolean.TRUE.equals(request.getProperty(SCRIPTS_FROM_SELF))
                    ? CSP.replace("script-src 'none'", "script-src 'self'") : CSP;
            headers.putSingle("Content-Security-Policy", extra == null ? csp : csp + " " + extra);
        }
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Cross-Origin-Opener-Policy", "same-origin");
        if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            // Pages carry CSRF tokens, codes in links or secrets: nothing here may be cached.
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            headers.putSingle("Pragma", "no-cache");
        }
        PageContext page = PageContext.of(request);
        if (page != null && Boolean.TRUE.equals(request.getProperty(NEW_CSRF))
                && !response.getCookies().containsKey(cookies.csrfName())) {
            headers.add(HttpHeaders.SET_COOKIE, cookies.csrf(page.csrfToken(), page.secure()));
        }
    }
}
