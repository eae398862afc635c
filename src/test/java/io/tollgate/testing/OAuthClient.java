package io.tollgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Speaks to a running Tollgate the way curl does in the tutorial. */
public record OAuthClient(Client http, String baseUrl) {
    public record Reply(int status, JsonNode body, MultivaluedMap<String, String> headers) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** HTTP Basic as RFC 6749 §2.3.1 defines it: form-urlencode id and secret, then base64 "id:secret". */
    public static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    public Reply token(String authorization, Form form) {
        return post("/o/token/", authorization, form);
    }

    public Reply post(String path, String authorization, Form form) {
        var request = http.target(baseUrl + path).request(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        try (Response response = request.post(Entity.form(form))) {
            return read(response);
        }
    }

    public Reply get(String path, String bearer) {
        var request = http.target(baseUrl + path).request(MediaType.APPLICATION_JSON);
        if (bearer != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        try (Response response = request.get()) {
            return read(response);
        }
    }

    public Reply send(String method, String path, String bearer, Entity<?> entity) {
        var request = http.target(baseUrl + path).request(MediaType.APPLICATION_JSON);
        if (bearer != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        try (Response response = entity == null ? request.method(method) : request.method(method, entity)) {
            return read(response);
        }
    }

    public String passwordToken(String clientId, String secret, String username, String password, String scope) {
        Form form = new Form().param("grant_type", "password").param("username", username).param("password", password);
        if (scope != null) {
            form.param("scope", scope);
        }
        Reply reply = token(basic(clientId, secret), form);
        if (reply.status() != 200) {
            throw new AssertionError("password grant failed: " + reply.status() + " " + reply.body());
        }
        return reply.body().get("access_token").asText();
    }

    private static Reply read(Response response) {
        response.bufferEntity();
        JsonNode body = response.hasEntity() && response.getLength() != 0 ? readJson(response) : null;
        return new Reply(response.getStatus(), body, new MultivaluedHashMap<>(response.getStringHeaders()));
    }

    private static JsonNode readJson(Response response) {
        try {
            return response.readEntity(JsonNode.class);
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
