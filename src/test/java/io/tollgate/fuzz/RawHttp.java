package io.tollgate.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * HTTP/1.1 over a plain socket: the request goes out byte for byte as given (HTTP clients would fix or refuse
 * malformed framing, NUL bytes and odd header values), the answer is read until the server closes.
 */
public final class RawHttp {
    private static final int MAX_RESPONSE = 1 << 20;

    private final URI base;
    private final int timeoutMillis;

    public RawHttp(URI base, int timeoutMillis) {
        this.base = base;
        this.timeoutMillis = timeoutMillis;
    }

    /** What came back: status 0 means the server closed without a status line; timedOut that it never finished. */
    public record Reply(int status, Map<String, String> headers, byte[] body, boolean timedOut) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public String hostHeader() {
        return base.getHost() + ":" + port();
    }

    public Reply exchange(byte[] request, boolean closeOutputAfterSending) throws IOException {
        try (Socket socket = open()) {
            socket.setSoTimeout(timeoutMillis);
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                if (closeOutputAfterSending && !(socket instanceof SSLSocket)) {
                    socket.shutdownOutput(); // the early EOF a truncated body needs
                }
            } catch (IOException refusedMidway) {
                // The server may answer (413, 400) and close before reading all we sent: read what it said.
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean timedOut = false;
            try {
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) >= 0 && received.size() < MAX_RESPONSE) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException slow) {
                timedOut = true;
            } catch (IOException reset) {
                // A reset after the answer was sent still leaves the answer.
            }
            return parse(received.toByteArray(), timedOut);
        }
    }

    private Socket open() throws IOException {
        if ("https".equalsIgnoreCase(base.getScheme())) {
            Socket socket = SSLSocketFactory.getDefault().createSocket();
            socket.connect(new InetSocketAddress(base.getHost(), port()), timeoutMillis);
            return socket;
        }
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), port()), timeoutMillis);
        return socket;
    }

    private int port() {
        if (base.getPort() > 0) {
            return base.getPort();
        }
        return "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
    }

    static Reply parse(byte[] raw, boolean timedOut) {
        int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (headEnd < 0 || raw.length < 12) {
            return new Reply(0, Map.of(), raw, timedOut);
        }
        String head = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (RuntimeException notHttp) {
            return new Reply(0, Map.of(), raw, timedOut);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            body = dechunk(body);
        }
        return new Reply(status, headers, body, timedOut);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int position = 0;
        while (position < chunked.length) {
            int lineEnd = indexOf(chunked, position, "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, position, lineEnd - position, StandardCharsets.US_ASCII);
            int semicolon = sizeText.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            int end = Math.min(chunked.length, start + size);
            out.write(chunked, start, end - start);
            position = end + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, 0, pattern);
    }

    private static int indexOf(byte[] data, int from, byte[] pattern) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
