package io.tollgate.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * A seeded stream of malformed requests over every endpoint: the same seed gives the same stream. Each family
 * breaks one thing the way a hostile or broken client would. Requests that must not change anything (and do not
 * when the server is right): with real credentials, every body carries at least one field no endpoint may accept,
 * and nothing is ever deleted with them.
 */
public final class MalformedRequests {
    static final List<String> OAUTH_POSTS = List.of("/o/token/", "/o/revoke_token/", "/o/introspect/", "/o/token",
            "/o/revoke_token", "/o/introspect", "/o/device-authorization/");
    static final List<String> API_COLLECTIONS = List.of("/users/", "/groups/", "/users", "/groups");
    static final List<String> PAGES = List.of("/accounts/login/", "/accounts/logout/", "/o/applications/",
            "/o/applications/register/", "/o/authorized_tokens/", "/o/authorize/", "/static/tollgate.css");
    static final List<String> EVERY_PATH = List.of("/", "/users/", "/users/1/", "/groups/", "/groups/1/",
            "/o/token/", "/o/revoke_token/", "/o/introspect/", "/.well-known/oauth-authorization-server",
            "/accounts/login/", "/accounts/logout/", "/o/applications/", "/o/authorize/", "/o/authorized_tokens/",
            "/nope/");
    private static final List<String> BAD_CHARSETS = List.of("latin-1", "zlib", "rot13", "nonexistent", "utf-8\u0001",
            "\"\"", "", "utf-7", "x-unknown", "utf-8;charset=ebcdic", "x-mac-klingon", "../../etc/passwd");
    private static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded", "application/json",
            "text/plain", "multipart/form-data; boundary=x", "application/xml", "*/*", "application/", "garbage",
            "application/json; charset=utf-8", "application/x-www-form-urlencoded; charset=UTF-8");
    private static final List<String> OAUTH_FIELDS = List.of("grant_type", "client_id", "client_secret", "username",
            "password", "scope", "refresh_token", "code", "redirect_uri", "code_verifier", "token", "token_type_hint");
    private static final List<String> USER_FIELDS = List.of("username", "email", "first_name", "last_name", "password",
            "groups", "is_staff", "is_active");
    private static final String[] CONTROLS = {"\u0000", "\u0001", "\u0007", "\u0008", "\u001b", "\u007f", "\u0085",
            "\u0000\u0000", "\r\n", "\t", "\u000b", "\u001f"};

    private final Random random;
    private final FuzzCredentials credentials;

    public MalformedRequests(long seed, FuzzCredentials credentials) {
        this.random = new Random(seed);
        this.credentials = credentials == null ? FuzzCredentials.NONE : credentials;
    }

    public FuzzRequest next() {
        return switch (random.nextInt(15)) {
            case 0, 1 -> controlInOAuthForm();
            case 2 -> controlInBasic();
            case 3 -> controlInLogin();
            case 4, 5 -> controlInApiBody();
            case 6 -> unknownCharset();
            case 7 -> brokenFraming();
            case 8 -> missingBody();
            case 9 -> garbageCredentials();
            case 10 -> options();
            case 11 -> oddMethod();
            case 12 -> oddTarget();
            case 13 -> malformedJson();
            default -> oddHeaders();
        };
    }

    /** NUL and other control characters in the form fields of the token, revocation and introspection endpoints. */
    private FuzzRequest controlInOAuthForm() {
        String path = pick(OAUTH_POSTS);
        StringBuilder form = new StringBuilder(pick(List.of("grant_type=password", "grant_type=client_credentials",
                "grant_type=refresh_token&refresh_token=x", "token=abc", "grant_type=authorization_code&code=x")));
        if (credentials.username() != null && random.nextBoolean()) {
            form.append("&username=").append(encode(credentials.username())).append("&password=x");
        }
        String field = pick(OAUTH_FIELDS);
        String value = withControl(pick(List.of("abc", "", "read", credentials.clientId() == null ? "client"
                : credentials.clientId())));
        if (field.equals("password") || field.equals("client_secret")) {
            value = value + "\u0000"; // secrets may hold other control characters, never a NUL
        }
        form.append('&').append(encode(field)).append('=').append(encode(value));
        FuzzRequest.Builder request = new FuzzRequest.Builder("control-in-oauth-form", "POST", path).mustNotSucceed();
        if (credentials.hasClient() && random.nextBoolean() && !field.startsWith("client_")) {
            request.header("Authorization", basic(credentials.clientId(), credentials.clientSecret()));
        } else if (random.nextBoolean()) {
            form.append("&client_id=").append(encode(withControl("client")));
        }
        return request.body("application/x-www-form-urlencoded", bytes(form.toString())).build();
    }

    /** Control characters in the client_id or secret of HTTP Basic client authentication. */
    private FuzzRequest controlInBasic() {
        String id = credentials.clientId() == null ? "client" : credentials.clientId();
        String secret = credentials.clientSecret() == null ? "secret" : credentials.clientSecret();
        String pair = random.nextBoolean() ? encode(withControl(id)) + ":" + encode(secret)
                : encode(id) + ":" + encode(withControl(secret));
        if (random.nextInt(4) == 0) {
            pair = withControl(id) + ":" + secret; // not form-encoded, raw control bytes inside the Base64
        }
        String header = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        return new FuzzRequest.Builder("control-in-basic", "POST", pick(OAUTH_POSTS)).mustNotSucceed()
                .header("Authorization", header)
                .body("application/x-www-form-urlencoded", bytes(pick(List.of("grant_type=client_credentials",
                        "grant_type=password&username=a&password=b", "token=abc"))))
                .build();
    }

    /** The sign-in form with control characters in its fields (and in ?next=). */
    private FuzzRequest controlInLogin() {
        String csrf = "fuzz" + "0123456789".repeat(4).substring(1); // 43 characters, as the CSRF cookie must be
        String form = "csrf_token=" + encode(random.nextInt(4) > 0 ? csrf : withControl(csrf))
                + "&username=" + encode(withControl(credentials.username() == null ? "admin" : credentials.username()))
                + "&password=" + encode(random.nextBoolean() ? "pw" : withControl("pw"))
                + (random.nextBoolean() ? "&next=" + encode(withControl("/o/applications/")) : "");
        String target = random.nextBoolean() ? "/accounts/login/" : "/accounts/login/?next=" + encode(withControl("/x"));
        return new FuzzRequest.Builder("control-in-login", "POST", target)
                .header("Cookie", "tollgate_csrf=" + pick(List.of(csrf, csrf, "%00", "a%01b")))
                .body("application/x-www-form-urlencoded", bytes(form))
                .build();
    }

    /** Users and groups bodies (JSON or form) where at least one field holds a NUL or another control character. */
    private FuzzRequest controlInApiBody() {
        boolean users = random.nextInt(3) > 0;
        String method = pick(List.of("POST", "PUT", "PATCH"));
        long id = credentials.userId() == null ? 1 : credentials.userId();
        String path = method.equals("POST") ? (users ? "/users/" : "/groups/") : (users ? "/users/" : "/groups/") + id + "/";
        boolean json = random.nextBoolean();
        StringBuilder body = new StringBuilder(json ? "{" : "");
        // Distinct fields: a repeated form field counts by its last value, which could be a valid one.
        List<String> fields = new java.util.ArrayList<>(users ? USER_FIELDS : List.of("name"));
        java.util.Collections.shuffle(fields, random);
        int count = 1 + random.nextInt(fields.size());
        for (int i = 0; i < count; i++) {
            String field = fields.get(i);
            String value = i == 0 ? "fz" + random.nextInt(1000) + "\u0000" + pick(List.of("", "x", "@example.com"))
                    : withControl("v" + i);
            if (field.equals("groups")) {
                value = pick(List.of("http://localhost/groups/1/", "1", "/groups/%00/")) + (i == 0 ? "\u0000" : "");
            }
            if (json) {
                body.append(i == 0 ? "" : ",").append(jsonString(field)).append(':')
                        .append(field.equals("groups") ? "[" + jsonString(value) + "]" : jsonString(value));
            } else {
                body.append(i == 0 ? "" : "&").append(encode(field)).append('=').append(encode(value));
            }
        }
        if (json) {
            body.append('}');
        }
        FuzzRequest.Builder request = new FuzzRequest.Builder("control-in-api-body", method, path).mustNotSucceed();
        authorizeForApi(request);
        return request.body(json ? "application/json" : "application/x-www-form-urlencoded", bytes(body.toString()))
                .build();
    }

    /** A Content-Type charset Java does not know, on every endpoint that reads a body. */
    private FuzzRequest unknownCharset() {
        String type = pick(List.of("application/x-www-form-urlencoded", "application/json", "text/plain"));
        String path = pick(List.of(pick(OAUTH_POSTS), pick(API_COLLECTIONS), "/accounts/login/", "/users/1/"));
        String method = path.matches("/(users|groups)/1/") ? "PATCH" : "POST";
        FuzzRequest.Builder request = new FuzzRequest.Builder("unknown-charset", method, path).mustNotSucceed();
        authorizeForApi(request);
        String body = type.endsWith("json") ? "{\"username\": \"x\u0000\"}" : "grant_type=password&username=x%00";
        return request.body(type + "; charset=" + pick(BAD_CHARSETS), bytes(body)).build();
    }

    /** Chunked bodies cut short or with bad chunk sizes, and Content-Lengths longer than the body (early EOF). */
    private FuzzRequest brokenFraming() {
        String path = pick(List.of(pick(OAUTH_POSTS), pick(API_COLLECTIONS), "/accounts/login/"));
        FuzzRequest.Builder request = new FuzzRequest.Builder("broken-framing", "POST", path).mustNotSucceed()
                .header("Content-Type", pick(List.of("application/x-www-form-urlencoded", "application/json")));
        authorizeForApi(request);
        String chunked = switch (random.nextInt(6)) {
            case 0 -> "5\r\ngrant";                               // chunk shorter than announced, then EOF
            case 1 -> "zz\r\nabc\r\n0\r\n\r\n";                 // not a hex size
            case 2 -> "4\r\ntoke\r\n";                            // no last chunk
            case 3 -> "ffffffffffffffffff\r\nx\r\n";            // size overflow
            case 4 -> "3;ext=\u0000\r\nabc\r\n0\r\n\r\n";        // NUL in a chunk extension
            default -> "-1\r\nabc\r\n0\r\n\r\n";                // negative size
        };
        if (random.nextInt(3) == 0) {
            return request.header("Content-Length", Integer.toString(100 + random.nextInt(1000)))
                    .rawBody(bytes("grant_type=password&username=a")).halfClose().build();
        }
        return request.header("Transfer-Encoding", "chunked").rawBody(bytes(chunked)).halfClose().build();
    }

    /** POST, PUT and PATCH with no body at all, or an empty one, with real credentials where there are some. */
    private FuzzRequest missingBody() {
        long id = credentials.userId() == null ? 1 : credentials.userId();
        String method = pick(List.of("POST", "PUT", "PATCH"));
        String path = switch (method) {
            case "POST" -> pick(List.of("/users/", "/groups/", pick(OAUTH_POSTS), "/accounts/login/"));
            default -> pick(List.of("/users/" + id + "/", "/groups/1/"));
        };
        FuzzRequest.Builder request = new FuzzRequest.Builder("missing-body", method, path)
                .mustNotSucceed(!method.equals("PATCH") && !Verdict.isPage(path));
        authorizeForApi(request);
        return switch (random.nextInt(3)) {
            case 0 -> request.build();
            case 1 -> request.header("Content-Length", "0").build();
            default -> request.body(pick(CONTENT_TYPES), new byte[0]).build();
        };
    }

    /** Credentials that identify nobody, in every scheme, on every API and OAuth path. */
    private FuzzRequest garbageCredentials() {
        String path = pick(List.of("/", "/users/", "/users/1/", "/groups/", "/groups/1/", "/users", "/o/introspect/",
                "/o/token/", "/o/revoke_token/", "/o/device-authorization/", "/o/userinfo/", "/admin/api/audit"));
        String method = path.startsWith("/o/") ? "POST" : pick(List.of("GET", "GET", "POST", "PUT", "PATCH", "DELETE",
                "OPTIONS", "HEAD"));
        String authorization = switch (random.nextInt(12)) {
            case 0 -> "Bearer " + randomToken();
            case 1 -> "Bearer";
            case 2 -> "Bearer  " + randomToken() + " extra";
            case 3 -> "Basic " + Base64.getEncoder().encodeToString(bytes(randomToken() + ":" + randomToken()));
            case 4 -> "Basic !!!notbase64";
            case 5 -> "Digest username=\"admin\", realm=\"api\", nonce=\"x\", uri=\"/\", response=\"0\"";
            case 6 -> "JWT eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.";
            case 7 -> "MAC id=\"h480djs93hd8\", nonce=\"264095:dj83hs9s\", mac=\"SLDJd4mg43cjQfElUs3Qub4L6xE=\"";
            case 8 -> "Negotiate YIIB";
            case 9 -> "Bearer " + randomToken() + "%00";
            case 10 -> "bEaReR " + randomToken();
            default -> "Token " + randomToken();
        };
        FuzzRequest.Builder request = new FuzzRequest.Builder("garbage-credentials", method, path).mustNotSucceed()
                .header("Authorization", authorization);
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            String body = path.startsWith("/o/") ? pick(List.of("grant_type=client_credentials", "token=abc",
                    "grant_type=password&username=admin&password=admin")) : "name=fz&username=fz";
            request.body("application/x-www-form-urlencoded", bytes(body));
        }
        return request.build();
    }

    /** OPTIONS everywhere, with and without credentials. */
    private FuzzRequest options() {
        FuzzRequest.Builder request = new FuzzRequest.Builder("options", "OPTIONS", pick(EVERY_PATH));
        int who = random.nextInt(3);
        if (who == 0 && credentials.hasBearer()) {
            request.header("Authorization", "Bearer " + credentials.bearer());
        } else if (who == 1) {
            request.header("Authorization", "Bearer " + randomToken()).mustNotSucceed(true);
        }
        if (random.nextBoolean()) {
            request.header("Access-Control-Request-Method", pick(List.of("POST", "DELETE", "X")));
        }
        FuzzRequest built = request.build();
        // An invalid token is an error on the API only; OAuth endpoints and pages do not read bearer tokens.
        boolean api = built.path().equals("/") || built.path().startsWith("/users") || built.path().startsWith("/groups");
        return new FuzzRequest(built.family(), built.method(), built.target(), built.version(), built.headers(),
                built.body(), built.mustNotSucceed() && api, false);
    }

    /** Methods no endpoint has, and methods an endpoint does not allow. */
    private FuzzRequest oddMethod() {
        String method = pick(List.of("TRACE", "PROPFIND", "FOO", "CONNECT", "PATCH", "PUT", "DELETE", "get", "M-SEARCH",
                "GET\u0000"));
        String path = pick(EVERY_PATH);
        FuzzRequest.Builder request = new FuzzRequest.Builder("odd-method", method, path)
                .header("Authorization", "Bearer " + randomToken()).mustNotSucceed();
        return request.build();
    }

    /** Paths and query strings that are broken: escapes, NUL, huge ids, traversal, query secrets. */
    private FuzzRequest oddTarget() {
        String target = pick(List.of("/users/%00/", "/users/-1/", "/users/99999999999999999999/", "/users/1%2F2/",
                "//users//", "/users/../groups/", "/%zz", "/users/%c0%af/", "/users/?page=%00", "/users/?page=-1",
                "/users/?page=99999999999999", "/groups/?page=abc", "/accounts/login/?next=%00",
                "/accounts/login/?next=%0d%0aSet-Cookie:x=y", "/o/authorize/?client_id=%00&response_type=code",
                "/o/authorize/?client_id=a&redirect_uri=%00&response_type=code&code_challenge=%01",
                "/users/?access_token=" + randomToken(), "/o/token/?grant_type=%00", "/" + "a".repeat(9000),
                "/users/1/%00", "/o/applications/%00/", "/o/applications/1%00/update/", "/static/%2e%2e/%2e%2e/etc/passwd",
                "/users/\u0001/", "/.well-known/oauth-authorization-server%00", "/groups/1/?page=%ff%fe"));
        boolean authorized = random.nextBoolean() && credentials.hasBearer();
        FuzzRequest.Builder request = new FuzzRequest.Builder("odd-target",
                target.startsWith("/o/token") ? "POST" : "GET", target);
        if (authorized) {
            request.header("Authorization", "Bearer " + credentials.bearer());
        } else if (random.nextBoolean()) {
            request.header("Authorization", "Bearer " + randomToken()).mustNotSucceed(isApi(target));
        }
        return request.build();
    }

    /** JSON bodies that are not JSON, are the wrong shape, or nest too deep. */
    private FuzzRequest malformedJson() {
        String body = pick(List.of("{", "{\"username\":", "[]", "null", "\"text\"", "42", "{\"username\": [\"a\"]}",
                "{\"username\": {\"$gt\": \"\"}}", "[".repeat(5000), "{\"groups\": \"http://x/groups/1/\"}",
                "{\"username\": \"\\u0000\"}", "{\"email\": \"a\\u0000@example.com\", \"username\": \"\"}",
                "{\"username\": \"\\ud800\"}", "{\"is_staff\": 1e999, \"username\": \"\"}",
                "{\"groups\": [99999999999999999999999]}", "\u0000", "{\"username\":\"a\",\"username\":\"\u0000\"}",
                "{\"name\": null}", "{\"name\": \"\\u0000\"}"));
        String path = pick(List.of("/users/", "/groups/", "/users/" + (credentials.userId() == null ? 1 : credentials.userId()) + "/", "/groups/1/"));
        String method = path.matches("/(users|groups)/") ? "POST" : pick(List.of("PUT", "PATCH"));
        // A PATCH that names no field it knows is a valid no-op (as in DRF); the list check still guards it.
        FuzzRequest.Builder request = new FuzzRequest.Builder("malformed-json", method, path)
                .mustNotSucceed(!method.equals("PATCH"));
        authorizeForApi(request);
        return request.body(pick(List.of("application/json", "application/json; charset=utf-8")), bytes(body)).build();
    }

    /** Header-level trouble: oversized, duplicated, missing Host, unknown HTTP versions, bad header names. */
    private FuzzRequest oddHeaders() {
        String path = pick(EVERY_PATH);
        FuzzRequest.Builder request = new FuzzRequest.Builder("odd-headers", "GET", path);
        switch (random.nextInt(9)) {
            case 0 -> request.header("X-Big", "a".repeat(20000));
            case 1 -> request.rawHeader("Host:-");
            case 2 -> request.version("HTTP/2.0");
            case 3 -> request.version("HTTP/9.9");
            case 4 -> request.rawHeader("Bad Header: x");
            case 5 -> request.header("Content-Length", "5").header("Content-Length", "7").rawBody(bytes("abcde"));
            case 6 -> request.header("Authorization", "Bearer " + randomToken())
                    .header("Authorization", "Bearer " + randomToken()).mustNotSucceed(isApi(path));
            case 7 -> request.header("Cookie", "tollgate_session=" + pick(List.of("%00", "x\u0001y", randomToken())));
            default -> request.header("Accept", pick(List.of("text/html", "application/xml", "*/*;q=x", "\u0001")));
        }
        return request.build();
    }

    private void authorizeForApi(FuzzRequest.Builder request) {
        if (credentials.hasBearer() && random.nextInt(4) > 0) {
            request.header("Authorization", "Bearer " + credentials.bearer());
        }
    }

    private static boolean isApi(String target) {
        return target.equals("/") || target.startsWith("/users") || target.startsWith("/groups")
                || target.startsWith("/?");
    }

    private String withControl(String value) {
        String control = CONTROLS[random.nextInt(CONTROLS.length)];
        int at = value.isEmpty() ? 0 : random.nextInt(value.length() + 1);
        return value.substring(0, at) + control + value.substring(at);
    }

    private String randomToken() {
        byte[] bytes = new byte[1 + random.nextInt(40)];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString(bytes(encode(id) + ":" + encode(secret)));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append((char) c);
            }
        });
        return out.append('"').toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
