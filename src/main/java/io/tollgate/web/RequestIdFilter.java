package io.tollgate.web;

import io.tollgate.audit.RequestContext;
import io.tollgate.web.security.ClientAddresses;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * Gives every request an id, echoed in the {@code X-Request-Id} response header and kept in the logging MDC
 * (with the client address) while the request runs, so its audit events and log lines can be found together.
 * The id is always our own: one taken from the caller could be chosen to collide with another request's.
 */
public class RequestIdFilter implements Filter {
    public static final String HEADER = "X-Request-Id";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = UUID.randomUUID().toString();
        request.setAttribute(RequestContext.REQUEST_ID, id);
        if (response instanceof HttpServletResponse http) {
            http.setHeader(HEADER, id);
        }
        String peer = request.getRemoteAddr();
        // Also as an attribute: Jersey filters read it as a request property, not through the servlet-request proxy.
        request.setAttribute(ClientAddresses.PEER_ADDRESS, peer);
        MDC.put(RequestContext.REQUEST_ID, id);
        MDC.put(RequestContext.CLIENT_ADDRESS, peer);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestContext.REQUEST_ID);
            MDC.remove(RequestContext.CLIENT_ADDRESS);
        }
    }
}
