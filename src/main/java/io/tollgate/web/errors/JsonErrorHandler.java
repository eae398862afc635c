package io.tollgate.web.errors;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.BufferUtil;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before Jersey sees the request (a malformed URI, headers too large …):
 * JSON {@code {"detail": ...}} like every other error, never an HTML page or a stack trace.
 */
public class JsonErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
    public JsonErrorHandler() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws java.io.IOException {
        if (!generateAcceptableResponse(request, response, callback, "application/json",
                List.of(StandardCharsets.UTF_8), code, message, cause)) {
            callback.succeeded();
        }
    }

    /**
     * Jetty writes error bodies only for GET, POST and HEAD by default; a PATCH with a broken Content-Type or a
     * method no endpoint has (TRACE, FOO …) would get an empty error. Every error here gets its JSON body.
     */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** Requests Jetty cannot even parse (a bad URI, an illegal header) get the same JSON shape. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return BufferUtil.toBuffer(json(org.eclipse.jetty.http.HttpStatus.getMessage(status) + "."), StandardCharsets.UTF_8);
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        // Jetty's own message may name internals; the status text says enough.
        writer.write(json(org.eclipse.jetty.http.HttpStatus.getMessage(code) + "."));
    }

    private static String json(String detail) {
        return "{\"detail\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(detail)) + "\"}";
    }

}
