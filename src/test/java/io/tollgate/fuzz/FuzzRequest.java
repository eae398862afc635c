package io.tollgate.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One malformed request: its family (what was broken), the raw request line and headers, the body bytes as
 * they go on the wire, and what its answer must not be.
 *
 * @param mustNotSucceed the request carries garbage credentials or a body no endpoint may accept: a 2xx is a bug
 * @param halfClose      close our side after sending, so a truncated body ends in an early EOF, not a wait
 */
public record FuzzRequest(String family, String method, String target, String version, List<String> headers,
                          byte[] body, boolean mustNotSucceed, boolean halfClose) {

    public FuzzRequest {
        headers = List.copyOf(headers);
    }

    /** The path without the query, as the server routes it. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** The request exactly as sent; the Host header is added unless the request set one (or set "Host" off). */
    public byte[] wire(String host) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, method + " " + target + " " + version + "\r\n");
        boolean hasHost = headers.stream().anyMatch(h -> h.regionMatches(true, 0, "host", 0, 4));
        if (!hasHost) {
            write(out, "Host: " + host + "\r\n");
        }
        for (String header : headers) {
            if (!header.equalsIgnoreCase("host:-")) {
                write(out, header + "\r\n");
            }
        }
        write(out, "Connection: close\r\n\r\n");
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** For reports: enough to reproduce by eye, never megabytes. */
    public String describe() {
        String shown = new String(body, StandardCharsets.ISO_8859_1);
        shown = shown.length() > 160 ? shown.substring(0, 160) + "..." : shown;
        return family + ": " + method + " " + printable(target) + " " + printable(String.join(" | ", headers))
                + " body=" + printable(shown);
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A small builder, so the generator reads as what it breaks. */
    static final class Builder {
        private final String family;
        private final String method;
        private final String target;
        private String version = "HTTP/1.1";
        private final List<String> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private boolean mustNotSucceed;
        private boolean halfClose;

        Builder(String family, String method, String target) {
            this.family = family;
            this.method = method;
            this.target = target;
        }

        Builder version(String value) {
            version = value;
            return this;
        }

        Builder header(String name, String value) {
            headers.add(name + ": " + value);
            return this;
        }

        Builder rawHeader(String line) {
            headers.add(line);
            return this;
        }

        /** A body with a matching Content-Length. */
        Builder body(String contentType, byte[] bytes) {
            if (contentType != null) {
                header("Content-Type", contentType);
            }
            header("Content-Length", Integer.toString(bytes.length));
            body = bytes;
            return this;
        }

        /** Bytes written after the headers with no framing header of their own (the caller sets one). */
        Builder rawBody(byte[] bytes) {
            body = bytes;
            return this;
        }

        Builder mustNotSucceed() {
            mustNotSucceed = true;
            return this;
        }

        Builder mustNotSucceed(boolean value) {
            mustNotSucceed |= value;
            return this;
        }

        Builder halfClose() {
            halfClose = true;
            return this;
        }

        FuzzRequest build() {
            return new FuzzRequest(family, method, target, version, headers, body, mustNotSucceed, halfClose);
        }
    }
}
