package io.tollgate.web.oauth;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.endpoint.TokenEndpoint;
import io.tollgate.web.edge.OAuthInputRules;
import io.tollgate.web.edge.RequestEdgeFilter;
import io.tollgate.web.edge.ServletLane;
import io.tollgate.web.errors.UnexpectedExceptionMapper;
import io.tollgate.web.security.ClientAddresses;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The token endpoint's common case without Jersey: a POST of a UTF-8 form with a declared length, no query and
 * no chunking. Jersey's routing, filters and body readers were a third of a client-credentials grant's CPU time
 * (async-profiler), and that case needs none of their choices. Every other request (another method, content
 * type or charset, a chunked body, a query) goes on to {@link TokenResource} unchanged, so the edge's refusals
 * stay in one place; the rules this lane applies are the same methods the Jersey path calls, and its answers
 * are the same bytes ({@code TokenFastLaneIT} compares the two).
 */
public final class TokenFastLane implements Filter {
    /** The form type, bare or with a UTF-8 charset: what Python's requests, Node's fetch and Java's clients send. */
    private static final Pattern PLAIN_FORM = Pattern.compile(
            "application/x-www-form-urlencoded(\\s*;\\s*charset=\"?utf-8\"?)?", Pattern.CASE_INSENSITIVE);
    private static final String PATH = "o/token/";

    private final TokenEndpoint endpoint;
    private final ClientAddresses addresses;
    private final ObjectMapper json;
    private final long maxBodyBytes;
    private final Timer timer;
    private final OAuthExceptionMapper errors = new OAuthExceptionMapper();

    public TokenFastLane(TokenEndpoint endpoint, ClientAddresses addresses, ObjectMapper json, long maxBodyBytes,
                         MetricRegistry metrics) {
        this.endpoint = endpoint;
        this.addresses = addresses;
        this.json = json;
        this.maxBodyBytes = Math.min(maxBodyBytes, Integer.MAX_VALUE - 8); // read into one array
        // The timer @Timed gives TokenResource.token, so the endpoint keeps one series whichever path answered.
        this.timer = metrics.timer(MetricRegistry.name(TokenResource.class, "token"));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse out
                && isPlain(http)) {
            try (Timer.Context ignored = timer.time()) {
                answer(http, out);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    boolean isPlain(HttpServletRequest request) {
        // The raw header: Jetty's getContentType() throws on a charset Java does not know (RequestEdgeFilter's case).
        String type = ServletLane.onlyValue(request, HttpHeaders.CONTENT_TYPE);
        long length = request.getContentLengthLong();
        String query = request.getQueryString();
        return "POST".equals(request.getMethod()) && (query == null || query.isEmpty())
                && type != null && PLAIN_FORM.matcher(type.strip()).matches()
                && length >= 0 && length <= maxBodyBytes && request.getHeader("Transfer-Encoding") == null;
    }

    private void answer(HttpServletRequest request, HttpServletResponse out) throws IOException {
        Response refusal;
        try {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            OAuthInputRules.checkBasic(authorization);
            byte[] body = readBody(request);
            OAuthInputRules.checkForm(body, StandardCharsets.UTF_8);
            var form = OAuthRequests.parseForm(new String(body, StandardCharsets.UTF_8));
            String client = addresses.resolve(request.getRemoteAddr(), forwardedFor(request));
            TokenResponseBody granted = TokenResponseBody.of(endpoint.respond(authorization, form, client));
            // The headers OAuthRequests.noStore gives the Jersey path's success (RFC 6749 §5.1).
            out.setContentType(MediaType.APPLICATION_JSON);
            out.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            out.setHeader("Pragma", "no-cache");
            ServletLane.write(out, 200, json.writeValueAsBytes(granted));
            return;
        } catch (OAuthException e) {
            refusal = errors.toResponse(e);
        } catch (RuntimeException e) {
            refusal = UnexpectedExceptionMapper.unexpected(e, PATH);
        }
        ServletLane.write(out, refusal, json);
    }

    private static byte[] readBody(HttpServletRequest request) {
        int declared = (int) request.getContentLengthLong();
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(declared);
        } catch (IOException | RuntimeException brokenFraming) {
            // Jetty reports an early EOF or a bad chunk as an IOException or a BadMessageException.
            throw OAuthException.invalidRequest(RequestEdgeFilter.BROKEN_BODY);
        }
        if (body.length != declared) {
            throw OAuthException.invalidRequest(RequestEdgeFilter.BROKEN_BODY);
        }
        return body;
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        var headers = request.getHeaders("X-Forwarded-For");
        return headers == null || !headers.hasMoreElements() ? null : Collections.list(headers);
    }
}
