package io.tollgate;

import io.dropwizard.core.setup.Environment;
import io.tollgate.oauth.keys.PrivateKeySealer;
import io.tollgate.oauth.keys.SigningKeys;
import io.tollgate.ops.KeyEncryptionKeys;
import io.tollgate.ops.RotateKeysTask;
import io.tollgate.ops.SigningKeysHealthCheck;
import io.tollgate.persistence.JdbiSigningKeyStore;
import io.tollgate.web.oauth.JwksResource;
import java.io.PrintStream;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Wiring only, for OpenID Connect: signing keys, the JWKS, their health check and rotation task. */
public final class OpenIdConnect {
    private OpenIdConnect() {
    }

    /** The shared signing keys; the server and the rotatekeys command build them alike. */
    public static SigningKeys signingKeys(TollgateConfiguration configuration, Jdbi jdbi, Clock clock, PrintStream out) {
        PrivateKeySealer sealer = new PrivateKeySealer(KeyEncryptionKeys.resolve(
                configuration.getOidc().getKeyEncryptionKey(), configuration.getDatabase().getUrl(), out));
        return new SigningKeys(new JdbiSigningKeyStore(jdbi), sealer, configuration.getOidc().signingKeySettings(
                configuration.getOauth().getAccessTokenLifetime().toJavaDuration()), clock);
    }

    /** Creates the first keys if needed (and fails the start when they cannot be opened), then publishes them. */
    public static SigningKeys register(TollgateConfiguration configuration, Environment environment, Jdbi jdbi, Clock clock) {
        SigningKeys keys = signingKeys(configuration, jdbi, clock, System.out);
        keys.ensureUsable();
        environment.jersey().register(new JwksResource(keys));
        environment.healthChecks().register("signing-keys", new SigningKeysHealthCheck(keys));
        environment.admin().addTask(new RotateKeysTask(keys));
        return keys;
    }
}
