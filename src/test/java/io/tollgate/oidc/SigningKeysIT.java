package io.tollgate.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.tollgate.TollgateConfiguration;
import io.tollgate.testing.AppPerDatabase;
import io.tollgate.testing.TestApp;
import io.tollgate.testing.TestDatabase;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The JWKS, the signing-keys health check and the rotation task over real HTTP, on each database. */
@ParameterizedClass(name = "[{0}]")
@EnumSource(TestDatabase.Kind.class)
class SigningKeysIT {
    @RegisterExtension
    static final AppPerDatabase APP = new AppPerDatabase("signingkeys", TestApp::start);
    @Parameter
    TestDatabase.Kind kind;

    DropwizardAppExtension<TollgateConfiguration> app() {
        return APP.app();
    }

    TestDatabase database() {
        return APP.database();
    }

    private String base() {
        return "http://127.0.0.1:" + app().getLocalPort();
    }

    private String admin() {
        return "http://127.0.0.1:" + app().getAdminPort();
    }

    private JWKSet jwks() throws Exception {
        try (Response response = app().client().target(base() + "/.well-known/jwks.json").request().get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType().toString()).startsWith("application/json");
            assertThat(response.getHeaderString("Cache-Control")).contains("max-age=300");
            String body = response.readEntity(String.class);
            assertThat(body).doesNotContain("\"d\"").doesNotContain("\"p\"").doesNotContain("\"q\"");
            return JWKSet.parse(body);
        }
    }

    private List<String> kids(JWKSet set) {
        return set.getKeys().stream().map(JWK::getKeyID).collect(Collectors.toList());
    }

    @Test
    void publishesTheCurrentAndNextPublicKeysAndRotatesThroughTheAdminTask() throws Exception {
        JWKSet before = jwks();
        assertThat(before.getKeys()).hasSizeGreaterThanOrEqualTo(2).noneMatch(JWK::isPrivate)
                .allMatch(key -> key.getKeyUse() != null && "sig".equals(key.getKeyUse().identifier()))
                .allMatch(key -> key.getAlgorithm() != null);
        assertThat(kids(before)).doesNotHaveDuplicates();

        String output;
        try (Response response = app().client().target(admin() + "/tasks/rotatekeys").request()
                .post(Entity.form(new Form()))) {
            assertThat(response.getStatus()).isEqualTo(200);
            output = response.readEntity(String.class);
        }
        assertThat(output).contains("retired: ").contains("current: ").contains("next: ");

        JWKSet after = jwks();
        // The retired key stays published (its tokens are still valid); the promoted one was published before.
        assertThat(kids(after)).containsAll(kids(before)).hasSize(kids(before).size() + 1).doesNotHaveDuplicates();
        String current = line(output, "current: ");
        assertThat(kids(before)).contains(current);
        assertThat(kids(after)).contains(line(output, "next: "));
        // The rotation is in the audit trail (key ids only), with the admin task as its actor.
        String detailsAndActor = awaitKeyRotatedEvent(current);
        assertThat(detailsAndActor).contains("admin task").contains(current).doesNotContain("\"d\"");
    }

    private String awaitKeyRotatedEvent(String currentKid) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Connection connection = database().connect(); Statement statement = connection.createStatement();
                 java.sql.ResultSet rows = statement.executeQuery(
                         "SELECT actor_name, details FROM audit_event WHERE event_type = 'key.rotated'")) {
                while (rows.next()) {
                    String found = rows.getString(1) + " " + rows.getString(2);
                    if (found.contains(currentKid)) {
                        return found;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no key.rotated audit event naming " + currentKid);
    }

    @Test
    void theHealthCheckReportsTheCurrentKey() throws Exception {
        try (Response response = app().client().target(admin() + "/healthcheck").request().get()) {
            JsonNode body = new ObjectMapper().readTree(response.readEntity(String.class));
            JsonNode check = body.get("signing-keys");
            assertThat(check.get("healthy").asBoolean()).as(check.toString()).isTrue();
            assertThat(check.get("message").asText()).contains("current key").contains("RS256");
        }
    }

    @Test
    void privateKeysAreStoredOnlyEncrypted() throws Exception {
        List<String> sealed = new ArrayList<>();
        try (Connection connection = database().connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT public_jwk, private_jwk_sealed FROM oauth_signing_key")) {
            while (rows.next()) {
                assertThat(rows.getString("public_jwk")).doesNotContain("\"d\"");
                sealed.add(rows.getString("private_jwk_sealed"));
            }
        }
        assertThat(sealed).isNotEmpty().allSatisfy(value -> {
            // A compact JWE: five dot-separated parts, the header says dir + A256GCM, nothing readable inside.
            assertThat(value.split("\\.", -1)).hasSize(5);
            // No part decodes to JSON key material (a bare "kty" could turn up in random base64 by chance).
            for (String part : value.split("\\.", -1)) {
                assertThat(new String(java.util.Base64.getUrlDecoder().decode(part),
                        java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("\"kty\"").doesNotContain("\"d\"");
            }
            String header = new String(java.util.Base64.getUrlDecoder().decode(value.split("\\.")[0]));
            assertThat(header).contains("\"dir\"").contains("A256GCM");
        });
    }

    private static String line(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow()
                .substring(prefix.length()).split(" ")[0];
    }
}
