package io.tollgate.web.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Enumeration;

/** What the lanes that answer before Jersey share: reading a request's headers, writing an answer. */
public final class ServletLane {
    private ServletLane() {
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

    /** A mapper's answer (a refusal, an outage) as Jersey would write it: its status, headers and JSON entity. */
    public static void write(HttpServletResponse out, Response answer, ObjectMapper json) throws IOException {
        answer.getStringHeaders().forEach((name, values) -> values.forEach(value -> out.addHeader(name, value)));
        write(out, answer.getStatus(), json.writeValueAsBytes(answer.getEntity()));
    }

    /** The status and a body of known length; the headers are set already. */
    public static void write(HttpServletResponse out, int status, byte[] body) throws IOException {
        out.setStatus(status);
        out.setContentLength(body.length);
        out.getOutputStream().write(body);
    }
}
