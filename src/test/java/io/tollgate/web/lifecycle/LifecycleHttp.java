package io.tollgate.web.lifecycle;

import io.tollgate.testing.OAuthClient;
import io.tollgate.testing.OAuthClient.Reply;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import io.tollgate.testing.Together;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;

/** Small helpers the lifecycle ITs share: forms, the admin task, and N requests released at once. */
final class LifecycleHttp {
    private LifecycleHttp() {
    }

    static Form refresh(String refreshToken) {
        return new Form().param("grant_type", "refresh_token").param("refresh_token", refreshToken);
    }

    static Form password(String username, String password) {
        return new Form().param("grant_type", "password").param("username", username).param("password", password);
    }

    static Reply introspect(OAuthClient oauth, String authorization, String token) {
        return oauth.post("/o/introspect/", authorization, new Form().param("token", token));
    }

    static Reply revoke(OAuthClient oauth, String authorization, Form form) {
        return oauth.post("/o/revoke_token/", authorization, form);
    }

    /** POST /tasks/cleartokens on the admin port; the task's text output. Own client: a purge outlasts the default timeout. */
    static String clearTokensTask(int adminPort) {
        Client http = ClientBuilder.newBuilder().readTimeout(120, TimeUnit.SECONDS).build();
        try (http; Response response = http.target("http://localhost:" + adminPort + "/tasks/cleartokens").request()
                .post(Entity.text(""))) {
            if (response.getStatus() != 200) {
                throw new AssertionError("cleartokens task answered " + response.getStatus());
            }
            return response.readEntity(String.class);
        }
    }

    static long count(String output, String kind) {
        return output.lines().filter(line -> line.startsWith(kind + ": "))
                .mapToLong(line -> Long.parseLong(line.substring(kind.length() + 2).strip()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " in " + output));
    }

    /** Runs {@code n} copies of the call, all waiting on one latch so they hit the server together. */
    static <T> List<T> together(int n, Callable<T> call) throws Exception {
        return Together.run(n, call);
    }
}
