package io.tollgate.web.edge;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/** What the lanes that answer before Jersey read of a request's headers. */
public final class ServletHeaders {
    private ServletHeaders() {
    }

    /** The header's value when it came once; null when it is absent or repeated (the lanes leave both to Jersey). */
    public static String onlyValue(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String first = values.nextElement();
        return values.hasMoreElements() ? null : first;
    }
}
