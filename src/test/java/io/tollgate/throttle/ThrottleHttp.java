package io.tollgate.throttle;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Requests "from" a chosen client address: the test app trusts 127.0.0.1 as a proxy, so X-Forwarded-For counts. */
final class ThrottleHttp {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf_token\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    ThrottleHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(id, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> passwordGrant(String from, String clientBasic, String username, String password) {
        return post(from, "/o/token/", clientBasic, null, form("grant_type", "password", "username", username,
                "password", password));
    }

    HttpResponse<String> post(String from, String path, String authorization, String cookie, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", from)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    /** Signs in on the page from {@code from}: fetches the form for its CSRF cookie and token, then posts it. */
    HttpResponse<String> signIn(String from, String username, String password) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/accounts/login/"))
                .header("X-Forwarded-For", from).GET().build());
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on the login page");
        }
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
                .map(set -> set.split(";", 2)[0]).toList());
        return post(from, "/accounts/login/", null, cookies, form("csrf_token", token.group(1), "username", username,
                "password", password, "next", "/"));
    }

    static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
