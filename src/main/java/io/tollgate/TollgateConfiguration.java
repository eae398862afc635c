package io.tollgate;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.tollgate.config.AuthorizeConfig;
import io.tollgate.config.ApiSettings;
import io.tollgate.config.AuditSettings;
import io.tollgate.config.ReadinessSettings;
import io.tollgate.config.CleanupSettings;
import io.tollgate.config.DeviceFlowSettings;
import io.tollgate.config.DatabaseDrivers;
import io.tollgate.config.SessionSettings;
import io.tollgate.config.OAuthSettings;
import io.tollgate.config.OidcConfig;
import io.tollgate.config.PasswordSettings;
import io.tollgate.config.ThrottleSettings;
import io.tollgate.config.TimeBoundDataSourceFactory;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.validation.MaxDataSize;
import io.tollgate.config.TokenCacheSettings;
import io.tollgate.oauth.compose.ServerSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Typed view of config.yml. Every deployment setting there is overridable by an environment variable. */
public class TollgateConfiguration extends Configuration {
    @Valid
    @NotNull
    private TimeBoundDataSourceFactory database = new TimeBoundDataSourceFactory();

    @Valid
    @NotNull
    private PasswordSettings passwords = new PasswordSettings();

    @Valid
    @NotNull
    private OAuthSettings oauth = new OAuthSettings();

    @Valid
    @NotNull
    private ApiSettings api = new ApiSettings();

    @Valid
    @NotNull
    private CleanupSettings cleanup = new CleanupSettings();

    @Valid
    @NotNull
    private DeviceFlowSettings device = new DeviceFlowSettings();

    @Valid
    @NotNull
    private ThrottleSettings throttle = new ThrottleSettings();

    @JsonProperty
    public ThrottleSettings getThrottle() {
        return throttle;
    }

    @JsonProperty
    public void setThrottle(ThrottleSettings throttle) {
        this.throttle = throttle;
    }

    @Valid
    @NotNull
    private OidcConfig oidc = new OidcConfig();

    @NotNull
    private Map<String, Map<String, String>> views = Collections.emptyMap();

    /** Larger request bodies are refused with 413 before they are read into memory. */
    @NotNull
    @MaxDataSize(value = 16, unit = DataSizeUnit.MEBIBYTES)
    private DataSize maxRequestBodySize = DataSize.kibibytes(64);

    @JsonProperty("database")
    public TimeBoundDataSourceFactory getDatabase() {
        return database;
    }

    /** The driver follows the URL unless config names one, so DATABASE_URL alone picks H2 or PostgreSQL. */
    @JsonProperty("database")
    public void setDatabase(TimeBoundDataSourceFactory database) {
        if (database.getDriverClass() == null || database.getDriverClass().isBlank()) {
            DatabaseDrivers.forUrl(database.getUrl()).ifPresent(database::setDriverClass);
        }
        this.database = database;
    }

    @JsonProperty
    public PasswordSettings getPasswords() {
        return passwords;
    }

    @JsonProperty
    public void setPasswords(PasswordSettings passwords) {
        this.passwords = passwords;
    }

    @JsonProperty
    public OAuthSettings getOauth() {
        return oauth;
    }

    @JsonProperty
    public void setOauth(OAuthSettings oauth) {
        this.oauth = oauth;
    }

    @Valid
    @NotNull
    private SessionSettings sessions = new SessionSettings();

    @Valid
    @NotNull
    private AuthorizeConfig authorize = new AuthorizeConfig();

    /** The authorization server's settings as the protocol sees them: plain values, no configuration classes. */
    public ServerSettings serverSettings() {
        TokenCacheSettings cache = oauth.getTokenCache();
        return new ServerSettings(oauth.tokenSettings(), oauth.scopeRegistry(), authorize.settings(),
                oauth.getRefreshTokenReuseGrace().toJavaDuration(), oauth.getIssuer(),
                new ServerSettings.TokenCache(cache.getMaxStaleness().toJavaDuration(), cache.getMaximumSize()),
                new ServerSettings.Purge(cleanup.getRetention().toJavaDuration(), cleanup.getBatchSize(),
                        sessions.getIdleTimeout().toJavaDuration(), cleanup.getRestRatio()));
    }

    @JsonProperty
    public SessionSettings getSessions() {
        return sessions;
    }

    @JsonProperty
    public void setSessions(SessionSettings sessions) {
        this.sessions = sessions;
    }

    @JsonProperty
    public AuthorizeConfig getAuthorize() {
        return authorize;
    }

    @JsonProperty
    public void setAuthorize(AuthorizeConfig authorize) {
        this.authorize = authorize;
    }

    @JsonProperty
    public DeviceFlowSettings getDevice() {
        return device;
    }

    @JsonProperty
    public void setDevice(DeviceFlowSettings device) {
        this.device = device;
    }

    @JsonProperty
    public ApiSettings getApi() {
        return api;
    }

    @JsonProperty
    public void setApi(ApiSettings api) {
        this.api = api;
    }

    @JsonProperty
    public CleanupSettings getCleanup() {
        return cleanup;
    }

    @JsonProperty
    public void setCleanup(CleanupSettings cleanup) {
        this.cleanup = cleanup;
    }

    @Valid
    @NotNull
    private AuditSettings audit = new AuditSettings();

    @Valid
    @NotNull
    private ReadinessSettings readiness = new ReadinessSettings();

    @JsonProperty
    public ReadinessSettings getReadiness() {
        return readiness;
    }

    @JsonProperty
    public void setReadiness(ReadinessSettings readiness) {
        this.readiness = readiness;
    }

    @JsonProperty
    public AuditSettings getAudit() {
        return audit;
    }

    @JsonProperty
    public void setAudit(AuditSettings audit) {
        this.audit = audit;
    }

    @JsonProperty
    public DataSize getMaxRequestBodySize() {
        return maxRequestBodySize;
    }

    @JsonProperty
    public void setMaxRequestBodySize(DataSize maxRequestBodySize) {
        this.maxRequestBodySize = maxRequestBodySize;
    }

    @JsonProperty
    public Map<String, Map<String, String>> getViews() {
        return views;
    }

    @JsonProperty
    public void setViews(Map<String, Map<String, String>> views) {
        this.views = new LinkedHashMap<>(views);
    }

    @JsonProperty
    public OidcConfig getOidc() {
        return oidc;
    }

    @JsonProperty
    public void setOidc(OidcConfig oidc) {
        this.oidc = oidc;
    }
}
