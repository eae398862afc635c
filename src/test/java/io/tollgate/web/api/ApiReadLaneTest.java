package io.tollgate.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.resource.AccessTokenValidator;
import io.tollgate.users.InMemoryGroupStore;
import io.tollgate.users.InMemoryUserStore;
import io.tollgate.users.NewUser;
import io.tollgate.users.PasswordHasher;
import io.tollgate.users.UserService;
import io.tollgate.web.security.TokenAuthenticator;
import io.tollgate.web.security.TokenPrincipal;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which API reads the lane answers itself, and that everything else reaches Jersey with nothing written. */
class ApiReadLaneTest {
    private static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    private final InMemoryUserStore store = new InMemoryUserStore();
    private final long userId = store.create(new NewUser("reader", "r@example.com", "", "", "!unusable", true, false, false,
            Instant.EPOCH, List.of()));
    private final TokenAuthenticator tokens = new TokenAuthenticator(
            new AccessTokenValidator(List.of(), hash -> Optional.empty(), Clock.systemUTC())) {
        @Override
        public Optional<TokenPrincipal> authenticate(String token) {
            return switch (token) {
                case "user-read" -> Optional.of(principal(userId, "read"));
                case "user-groups" -> Optional.of(principal(userId, "groups"));
                case "machine-read" -> Optional.of(principal(null, "read"));
                default -> Optional.empty();
            };
        }
    };
    private final ApiReadLane lane = new ApiReadLane(tokens, new UserService(store, new InMemoryGroupStore(),
            new PasswordHasher(1), Clock.systemUTC()), new ObjectMapper(), new MetricRegistry());

    private static TokenPrincipal principal(Long user, String scope) {
        return new TokenPrincipal(1, "hash", "family", "client", user, user == null ? null : "reader", false, false,
                ScopeSet.parse(scope), LATER);
    }

    /** A GET of path with these headers (name, value, …); a header not named is absent. */
    private static HttpServletRequest request(String method, String path, String query, String... headers) {
        Map<String, List<String>> named = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            named.computeIfAbsent(headers[i].toLowerCase(), k -> new ArrayList<>()).add(headers[i + 1]);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(ApiReadLaneTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getQueryString" -> query;
                    case "getRequestURI" -> path;
                    case "getRequestURL" -> new StringBuffer("http://api.example.org:8443" + path);
                    case "getContextPath", "getServletPath" -> "";
                    case "getContentLengthLong" -> named.containsKey("content-length")
                            ? Long.parseLong(named.get("content-length").get(0)) : -1L;
                    case "getHeader" -> named.containsKey(((String) args[0]).toLowerCase())
                            ? named.get(((String) args[0]).toLowerCase()).get(0) : null;
                    case "getHeaders" -> Collections.enumeration(
                            named.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private static HttpServletRequest get(String path, String... headers) {
        return request("GET", path, null, headers);
    }

    /** What the lane wrote, and whether it passed the request on. */
    private record Outcome(boolean passedOn, int status, String body) {
    }

    private Outcome run(HttpServletRequest request) throws Exception {
        AtomicBoolean passedOn = new AtomicBoolean();
        AtomicInteger status = new AtomicInteger(-1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ServletOutputStream stream = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                ApiReadLaneTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "setStatus" -> {
                        status.set((Integer) args[0]);
                        yield null;
                    }
                    case "setContentType", "setContentLength", "addHeader" -> null;
                    case "getOutputStream" -> stream;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        lane.doFilter(request, response, (req, res) -> passedOn.set(true));
        return new Outcome(passedOn.get(), status.get(), body.toString());
    }

    @Test
    void answersAUsersGetAndTheRootItself() throws Exception {
        Outcome user = run(get("/users/" + userId + "/", "Authorization", "Bearer user-read"));
        assertThat(user.passedOn()).isFalse();
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.body()).contains("\"url\":\"http://api.example.org:8443/users/" + userId + "/\"",
                "\"username\":\"reader\"");
        Outcome root = run(get("/", "Authorization", "Bearer user-groups", "Accept", "*/*"));
        assertThat(root.passedOn()).isFalse();
        assertThat(root.body()).isEqualTo("{\"users\":\"http://api.example.org:8443/users/\","
                + "\"groups\":\"http://api.example.org:8443/groups/\"}");
        Outcome missing = run(get("/users/424242/", "Authorization", "bearer user-read"));
        assertThat(missing.passedOn()).isFalse();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"detail\":\"Not found.\"}");
    }

    @Test
    void leavesRefusalsToJerseyWithNothingWritten() throws Exception {
        for (HttpServletRequest refused : List.of(
                get("/users/" + userId + "/"),
                get("/users/" + userId + "/", "Authorization", "Bearer unknown"),
                get("/users/" + userId + "/", "Authorization", "Bearer machine-read"),
                get("/", "Authorization", "Bearer machine-read"),
                get("/users/" + userId + "/", "Authorization", "Bearer user-groups"))) {
            Outcome outcome = run(refused);
            assertThat(outcome.passedOn()).isTrue();
            assertThat(outcome.status()).isEqualTo(-1);
            assertThat(outcome.body()).isEmpty();
        }
    }

    @Test
    void leavesEveryOtherRequestToJersey() throws Exception {
        String user = "/users/" + userId + "/";
        for (HttpServletRequest other : List.of(
                request("HEAD", user, null, "Authorization", "Bearer user-read"),
                request("POST", user, null, "Authorization", "Bearer user-read"),
                request("GET", user, "format=json", "Authorization", "Bearer user-read"),
                get("/users/", "Authorization", "Bearer user-read"),
                get("/users/" + userId, "Authorization", "Bearer user-read"),
                get("/users/%31/", "Authorization", "Bearer user-read"),
                get("/users/1234567890123456789/", "Authorization", "Bearer user-read"),
                get("/groups/1/", "Authorization", "Bearer user-read"),
                get(user, "Authorization", "Bearer user-read", "Accept", "text/html"),
                get(user, "Authorization", "Bearer user-read", "Accept", "application/json, */*"),
                get(user, "Authorization", "Bearer user-read", "Accept", "*/*", "Accept", "*/*"),
                get(user, "Authorization", "Bearer user-read", "Authorization", "Bearer user-read"),
                get(user, "Authorization", "Bearer  user-read"),
                get(user, "Authorization", "Bearer user-read "),
                get(user, "Authorization", "Bearer "),
                get(user, "Authorization", "Basic dXNlcjpwYXNz"),
                get(user, "Authorization", "Bearer user-read", "Content-Type", "application/json"),
                get(user, "Authorization", "Bearer user-read", "Content-Length", "2"),
                get(user, "Authorization", "Bearer user-read", "Transfer-Encoding", "chunked"))) {
            Outcome outcome = run(other);
            assertThat(outcome.passedOn()).as(other.getMethod() + " " + other.getRequestURI()).isTrue();
            assertThat(outcome.body()).isEmpty();
        }
    }
}
