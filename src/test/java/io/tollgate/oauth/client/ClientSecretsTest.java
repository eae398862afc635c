package io.tollgate.oauth.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.oauth.token.TokenHasher;
import org.junit.jupiter.api.Test;

class ClientSecretsTest {

    private final ClientSecrets secrets = new ClientSecrets(new TokenGenerator());

    @Test
    void secretsAreRandomAndHashedWithSha256() {
        String secret = secrets.newSecret();
        assertThat(secret).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(secrets.newSecret());
        assertThat(secrets.hash(secret)).isEqualTo(TokenHasher.sha256Hex(secret)).hasSize(64).isNotEqualTo(secret);
    }
}
