package io.tollgate.web.edge;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * OPTIONS on the OAuth endpoints and the metadata document: Jersey's automatic answer is a text/plain list of
 * methods; here it is the Allow header Jersey computed and an empty 204, so no OAuth path answers non-JSON text.
 * (The API's OPTIONS are its own resource methods, in DRF's metadata shape.)
 */
public class OptionsResponseFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || response.getStatus() != 200
                || !EdgePaths.isOAuth(request.getUriInfo().getRequestUri().getRawPath())) {
            return;
        }
        response.setStatus(204);
        response.setEntity(null);
        response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
    }
}
