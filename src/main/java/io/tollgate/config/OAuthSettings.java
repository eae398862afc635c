package io.tollgate.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.token.TokenSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The authorization server's settings: scopes, lifetimes, token-check caching. */
public class OAuthSettings {
    /** Public base URL naming this server (RFC 8414 issuer); empty means "from the request". */
    private String issuer = "";

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration accessTokenLifetime = Duration.seconds(36000);

    /** Null: refresh tokens never expire (they still rotate on every use). */
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration refreshTokenLifetime = Duration.days(30);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration authorizationCodeLifetime = Duration.seconds(60);

    @NotEmpty
    private Map<String, String> scopes = tutorialScopes();

    /** Null: every configured scope, as the tutorial's token gets "read write groups". */
    private List<String> defaultScopes;

    /**
     * How long the immediately previous refresh token may be presented again after a rotation and get the
     * same new pair back (a client that lost the response). 0s: any reuse revokes the family (RFC 9700 §4.14.2).
     */
    @NotNull
    @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
    private Duration refreshTokenReuseGrace = Duration.seconds(0);

    @Valid
    @NotNull
    private TokenCacheSettings tokenCache = new TokenCacheSettings();

    private static Map<String, String> tutorialScopes() {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("read", "Read scope");
        scopes.put("write", "Write scope");
        scopes.put("groups", "Access to your groups");
        return scopes;
    }

    public TokenSettings tokenSettings() {
        return new TokenSettings(accessTokenLifetime.toJavaDuration(),
                refreshTokenLifetime == null ? null : refreshTokenLifetime.toJavaDuration(),
                authorizationCodeLifetime.toJavaDuration());
    }

    public ScopeRegistry scopeRegistry() {
        ScopeSet defaults = defaultScopes == null ? new ScopeSet(List.copyOf(scopes.keySet())) : new ScopeSet(defaultScopes);
        return new ScopeRegistry(scopes, defaults);
    }

    @JsonProperty
    public String getIssuer() {
        return issuer;
    }

    @JsonProperty
    public void setIssuer(String issuer) {
        this.issuer = issuer == null ? "" : issuer.strip();
    }

    /**
     * RFC 8414 §2: the issuer is an absolute https (http for development) URL with no query or fragment; a path is
     * allowed (https://host/o). Checked at start, so a typo never reaches a signed token or a metadata document.
     */
    @ValidationMethod(message = "issuer must be an absolute http(s) URL without query or fragment, such as "
            + "https://auth.example.com or https://auth.example.com/o")
    @JsonIgnore
    public boolean isIssuerWellFormed() {
        if (issuer.isEmpty()) {
            return true;
        }
        try {
            URI uri = new URI(issuer);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @JsonProperty
    public Duration getAccessTokenLifetime() {
        return accessTokenLifetime;
    }

    @JsonProperty
    public void setAccessTokenLifetime(Duration accessTokenLifetime) {
        this.accessTokenLifetime = accessTokenLifetime;
    }

    @JsonProperty
    public Duration getRefreshTokenLifetime() {
        return refreshTokenLifetime;
    }

    @JsonProperty
    public void setRefreshTokenLifetime(Duration refreshTokenLifetime) {
        this.refreshTokenLifetime = refreshTokenLifetime;
    }

    @JsonProperty
    public Duration getAuthorizationCodeLifetime() {
        return authorizationCodeLifetime;
    }

    @JsonProperty
    public void setAuthorizationCodeLifetime(Duration authorizationCodeLifetime) {
        this.authorizationCodeLifetime = authorizationCodeLifetime;
    }

    @JsonProperty
    public Map<String, String> getScopes() {
        return scopes;
    }

    @JsonProperty
    public void setScopes(Map<String, String> scopes) {
        this.scopes = new LinkedHashMap<>(scopes);
    }

    @JsonProperty
    public List<String> getDefaultScopes() {
        return defaultScopes;
    }

    @JsonProperty
    public void setDefaultScopes(List<String> defaultScopes) {
        this.defaultScopes = defaultScopes == null ? null : List.copyOf(defaultScopes);
    }

    @JsonProperty
    public Duration getRefreshTokenReuseGrace() {
        return refreshTokenReuseGrace;
    }

    @JsonProperty
    public void setRefreshTokenReuseGrace(Duration refreshTokenReuseGrace) {
        this.refreshTokenReuseGrace = refreshTokenReuseGrace;
    }

    @JsonProperty
    public TokenCacheSettings getTokenCache() {
        return tokenCache;
    }

    @JsonProperty
    public void setTokenCache(TokenCacheSettings tokenCache) {
        this.tokenCache = tokenCache;
    }
}
