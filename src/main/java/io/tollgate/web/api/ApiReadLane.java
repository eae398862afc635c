package io.tollgate.web.api;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tollgate.users.NotFoundException;
import io.tollgate.users.UserService;
import io.tollgate.web.edge.ServletLane;
import io.tollgate.web.errors.UnexpectedExceptionMapper;
import io.tollgate.web.security.ScopePolicy;
import io.tollgate.web.security.TokenAuthenticator;
import io.tollgate.web.security.TokenPrincipal;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriBuilderException;
import java.io.IOException;
import java.net.URI;
import java.util.Enumeration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's two hottest reads, {@code GET /} and {@code GET /users/{id}/} with a valid bearer token, answered
 * before Jersey: its routing, filters and response writing were about a quarter of such a request's CPU time
 * (async-profiler), and this case needs none of their choices. The lane answers only a plain request (no query,
 * no body, JSON or anything acceptable, one well-formed bearer header) whose token passes the same authenticator
 * and scope rule the Jersey path applies. Everything else — a missing, unknown or under-scoped token, another
 * method, path or Accept — goes on to Jersey untouched, so every refusal stays in one place; {@code ApiReadLaneIT}
 * compares both paths' answers.
 */
public final class ApiReadLane implements Filter {
    private static final Pattern USER = Pattern.compile("/users/([0-9]{1,18})/");
    private static final ScopePolicy ROOT_RULE = ScopePolicy.parse(ScopePolicy.USER);
    private static final ScopePolicy USERS_RULE = ScopePolicy.parse(ScopePolicy.USERS);
    private static final String BEARER = "Bearer ";

    private final TokenAuthenticator tokens;
    private final UserService users;
    private final ObjectMapper json;
    private final Timer rootTimer;
    private final Timer userTimer;
    private final NotFoundExceptionMapper notFound = new NotFoundExceptionMapper();

    /** @param tokens the authenticator the Jersey path's bearer filter uses, so a refusal is explained from its cache */
    public ApiReadLane(TokenAuthenticator tokens, UserService users, ObjectMapper json, MetricRegistry metrics) {
        this.tokens = tokens;
        this.users = users;
        this.json = json;
        // The timers @Timed gives the resource methods, so each keeps one series whichever path answered.
        this.rootTimer = metrics.timer(MetricRegistry.name(ApiRootResource.class, "api-root"));
        this.userTimer = metrics.timer(MetricRegistry.name(UsersResource.class, "retrieve"));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse out) {
            String token = plainBearerGet(http);
            if (token != null && answered(http, out, token)) {
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The bearer token of a request this lane may answer, or null for one Jersey must see. */
    static String plainBearerGet(HttpServletRequest request) {
        String query = request.getQueryString();
        if (!"GET".equals(request.getMethod()) || (query != null && !query.isEmpty())
                || request.getHeader(HttpHeaders.CONTENT_TYPE) != null || request.getHeader("Transfer-Encoding") != null
                || request.getContentLengthLong() > 0 || !acceptsJson(request.getHeaders(HttpHeaders.ACCEPT))) {
            return null;
        }
        String authorization = ServletLane.onlyValue(request, HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length());
        // Dropwizard's filter takes everything after the first space; a token it would read differently stays there.
        return token.isEmpty() || !token.chars().allMatch(c -> c > ' ' && c < 127) ? null : token;
    }

    /** No Accept, or one that asks for what @Produces(APPLICATION_JSON) gives without negotiating. */
    private static boolean acceptsJson(Enumeration<String> accept) {
        if (accept == null || !accept.hasMoreElements()) {
            return true;
        }
        String only = accept.nextElement().strip();
        return !accept.hasMoreElements() && (only.equals("*/*") || only.equalsIgnoreCase(MediaType.APPLICATION_JSON));
    }

    /** Answers the request and says true, or says false having written nothing. */
    private boolean answered(HttpServletRequest request, HttpServletResponse out, String token) throws IOException {
        if (!request.getContextPath().isEmpty() || !request.getServletPath().isEmpty()) {
            return false; // Jersey is not at the root (server.rootPath): its paths and base URI are not these
        }
        String path = request.getRequestURI();
        Matcher user = USER.matcher(path);
        boolean root = "/".equals(path);
        if (!root && !user.matches()) {
            return false;
        }
        ApiLinks links;
        try {
            links = new ApiLinks(baseUri(request));
        } catch (IllegalArgumentException | UriBuilderException unusable) {
            return false; // Jersey answers a URL it cannot parse with its own 400
        }
        try {
            Optional<TokenPrincipal> principal = tokens.authenticate(token);
            if (principal.isEmpty() || !(root ? ROOT_RULE : USERS_RULE).allows(principal.get(), "GET")) {
                return false;
            }
            // Timed from here, as @Timed times the resource method once authentication has passed.
            try (Timer.Context ignored = (root ? rootTimer : userTimer).time()) {
                Object body = root ? ApiRootResource.collections(links)
                        : UserRepresentation.of(users.get(Long.parseLong(user.group(1))), links);
                out.setContentType(MediaType.APPLICATION_JSON);
                ServletLane.write(out, 200, json.writeValueAsBytes(body));
            }
        } catch (NotFoundException e) {
            ServletLane.write(out, notFound.toResponse(e), json);
        } catch (RuntimeException e) {
            ServletLane.write(out, UnexpectedExceptionMapper.unexpected(e, path.substring(1)), json);
        }
        return true;
    }

    /** The base URI as Jersey's ServletContainer derives it for an application at the root. */
    private static URI baseUri(HttpServletRequest request) {
        return UriBuilder.fromUri(request.getRequestURL().toString()).replacePath("/").build();
    }
}
