package io.tollgate.audit;

import org.slf4j.MDC;

/**
 * The request an event happens in, as the request-id filter left it in the logging MDC of the request's thread.
 * Reading it here lets protocol code that knows nothing of HTTP emit events that still name their request.
 */
public final class RequestContext {
    public static final String REQUEST_ID = "requestId";
    public static final String CLIENT_ADDRESS = "clientAddress";

    private RequestContext() {
    }

    public static String requestId() {
        return MDC.get(REQUEST_ID);
    }

    public static String clientAddress() {
        return MDC.get(CLIENT_ADDRESS);
    }
}
