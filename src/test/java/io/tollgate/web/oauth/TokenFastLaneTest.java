package io.tollgate.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tollgate.web.security.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which token requests the fast lane answers itself; everything else must reach Jersey's TokenResource. */
class TokenFastLaneTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private final TokenFastLane lane = new TokenFastLane(null, new ClientAddresses(List.of()), new ObjectMapper(),
            1024, new MetricRegistry());

    /** A request with these properties; a header not named is absent. */
    private static HttpServletRequest request(String method, String contentType, long length, String query,
                                              String... headers) {
        return withTypes(method, contentType == null ? List.of() : List.of(contentType), length, query, headers);
    }

    private static HttpServletRequest withTypes(String method, List<String> contentTypes, long length, String query,
                                              String... headers) {
        Map<String, String> named = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            named.put(headers[i].toLowerCase(), headers[i + 1]);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(TokenFastLaneTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getContentType" -> throw new AssertionError("Jetty's getContentType() throws on odd charsets");
                    case "getHeaders" -> "content-type".equalsIgnoreCase((String) args[0])
                            ? Collections.enumeration(contentTypes) : Collections.emptyEnumeration();
                    case "getContentLengthLong" -> length;
                    case "getQueryString" -> query;
                    case "getHeader" -> named.get(((String) args[0]).toLowerCase());
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void takesAPostOfAUtf8FormWithADeclaredLength() {
        assertThat(lane.isPlain(request("POST", FORM, 40, null))).isTrue();
        assertThat(lane.isPlain(request("POST", "Application/X-WWW-Form-Urlencoded", 40, null))).isTrue();
        assertThat(lane.isPlain(request("POST", FORM + ";charset=UTF-8", 40, null))).isTrue();
        assertThat(lane.isPlain(request("POST", FORM + "; charset=\"utf-8\"", 40, ""))).isTrue();
        assertThat(lane.isPlain(request("POST", FORM, 0, null))).isTrue();
        assertThat(lane.isPlain(request("POST", FORM, 1024, null))).isTrue();
    }

    @Test
    void leavesEveryOtherRequestToJersey() {
        assertThat(lane.isPlain(request("GET", FORM, 40, null))).isFalse();
        assertThat(lane.isPlain(request("PUT", FORM, 40, null))).isFalse();
        assertThat(lane.isPlain(request("OPTIONS", null, -1, null))).isFalse();
        assertThat(lane.isPlain(request("POST", FORM, 40, "grant_type=client_credentials"))).isFalse();
        assertThat(lane.isPlain(request("POST", null, 40, null))).isFalse();
        assertThat(lane.isPlain(request("POST", "application/json", 40, null))).isFalse();
        assertThat(lane.isPlain(request("POST", FORM + "; charset=ISO-8859-1", 40, null))).isFalse();
        assertThat(lane.isPlain(request("POST", FORM + "; charset=utf-8; x=y", 40, null))).isFalse();
        assertThat(lane.isPlain(request("POST", "multipart/form-data", 40, null))).isFalse();
        assertThat(lane.isPlain(request("POST", FORM, -1, null, "Transfer-Encoding", "chunked"))).isFalse();
        assertThat(lane.isPlain(request("POST", FORM, 40, null, "Transfer-Encoding", "chunked"))).isFalse();
        assertThat(lane.isPlain(request("POST", FORM, 1025, null))).isFalse();
        assertThat(lane.isPlain(withTypes("POST", List.of(FORM, FORM), 40, null))).isFalse();
        assertThat(lane.isPlain(request("POST", FORM + "; charset=utf-7", 40, null))).isFalse();
    }
}
