package io.tollgate.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tollgate.oauth.authorize.AuthorizeSettings;

/** The authorization endpoint's policy (config key {@code authorize}). */
public class AuthorizeConfig {
    private boolean allowPlainPkce = false;
    private boolean rememberConsent = true;

    public AuthorizeSettings settings() {
        return new AuthorizeSettings(allowPlainPkce, rememberConsent);
    }

    @JsonProperty
    public boolean isAllowPlainPkce() {
        return allowPlainPkce;
    }

    @JsonProperty
    public void setAllowPlainPkce(boolean allowPlainPkce) {
        this.allowPlainPkce = allowPlainPkce;
    }

    @JsonProperty
    public boolean isRememberConsent() {
        return rememberConsent;
    }

    @JsonProperty
    public void setRememberConsent(boolean rememberConsent) {
        this.rememberConsent = rememberConsent;
    }
}
