package io.tollgate.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.tollgate.oauth.keys.SigningAlgorithm;
import io.tollgate.oauth.keys.SigningKeySettings;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** OpenID Connect: signing keys and ID tokens (config.yml section {@code oidc}). */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class OidcConfig {
    /** Base64 of 32 random bytes; empty is allowed only on the embedded H2 database (see KeyEncryptionKeys). */
    private String keyEncryptionKey = "";

    @NotNull private SigningAlgorithm signingAlgorithm = SigningAlgorithm.RS256;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    @MaxDuration(value = 1, unit = TimeUnit.DAYS)
    private Duration idTokenLifetime = Duration.minutes(10);

    /** The signing-keys health check turns unhealthy when the current key is older: time to run rotatekeys. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.HOURS)
    private Duration signingKeyMaxAge = Duration.days(90);

    /** A retired key stays published this long after the last token it signed has expired. */
    @NotNull private Duration signingKeyOverlap = Duration.hours(1);

    /** How long a node trusts the keys it loaded; a rotation on another node is picked up within this. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.HOURS)
    private Duration signingKeyReload = Duration.minutes(1);

    /** RFC 9068 aud of JWT access tokens (the resource they are for); empty: the issuer. */
    private String accessTokenAudience = "";

    @JsonProperty
    public String getAccessTokenAudience() {
        return accessTokenAudience;
    }

    @JsonProperty
    public void setAccessTokenAudience(String accessTokenAudience) {
        this.accessTokenAudience = accessTokenAudience == null ? "" : accessTokenAudience.strip();
    }

    /** @param longestTokenLifetime the longest-lived signed token (ID token or JWT access token) */
    public SigningKeySettings signingKeySettings(java.time.Duration longestTokenLifetime) {
        java.time.Duration longest = longestTokenLifetime.compareTo(idTokenLifetime.toJavaDuration()) > 0
                ? longestTokenLifetime : idTokenLifetime.toJavaDuration();
        return new SigningKeySettings(signingAlgorithm, signingKeyMaxAge.toJavaDuration(), longest,
                signingKeyOverlap.toJavaDuration(), signingKeyReload.toJavaDuration());
    }

    @JsonProperty
    public String getKeyEncryptionKey() {
        return keyEncryptionKey;
    }

    @JsonProperty
    public void setKeyEncryptionKey(String keyEncryptionKey) {
        this.keyEncryptionKey = keyEncryptionKey == null ? "" : keyEncryptionKey.strip();
    }

    public Duration getIdTokenLifetime() {
        return idTokenLifetime;
    }

    @Override
    public String toString() {
        return "OidcConfig[keyEncryptionKey=redacted, signingAlgorithm=" + signingAlgorithm + "]";
    }
}
