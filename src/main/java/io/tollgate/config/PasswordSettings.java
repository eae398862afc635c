package io.tollgate.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Min;

/** How user passwords are hashed. */
public class PasswordSettings {
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256; older hashes are upgraded at the next login. */
    @Min(1)
    private int iterations = 600_000;

    @JsonProperty
    public int getIterations() {
        return iterations;
    }

    @JsonProperty
    public void setIterations(int iterations) {
        this.iterations = iterations;
    }
}
