package io.tollgate.web.ui;

import io.tollgate.users.session.SignedInUser;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Optional;

/**
 * What a page request knows about its visitor, set by {@link PageFilter}.
 *
 * @param sessionCookie the raw cookie value, nullable
 * @param csrfToken     the visitor's CSRF token (double-submit: also in an HttpOnly cookie)
 * @param secure        the request came over HTTPS, so cookies get the Secure flag
 */
public record PageContext(Optional<SignedInUser> user, String sessionCookie, String csrfToken, boolean secure) {
    static final String PROPERTY = PageContext.class.getName();

    public static PageContext of(ContainerRequestContext request) {
        return (PageContext) request.getProperty(PROPERTY);
    }
}
