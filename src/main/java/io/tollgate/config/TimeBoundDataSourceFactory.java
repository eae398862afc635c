package io.tollgate.config;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dropwizard's data source settings plus the time-outs that bound a borrowed connection, so a database that
 * stops answering (frozen, partitioned) costs a request seconds and a 503, never a hang until TCP gives up.
 * They become driver properties: PostgreSQL's connectTimeout, loginTimeout, socketTimeout and a server-side
 * statement_timeout; H2's QUERY_TIMEOUT (an embedded H2 has no socket to bound).
 */
public class TimeBoundDataSourceFactory extends DataSourceFactory {
    @NotNull private Duration connectTimeout = Duration.seconds(3);
    @NotNull private Duration socketTimeout = Duration.seconds(3);
    @NotNull private Duration statementTimeout = Duration.seconds(2);
    private boolean perStatementBounds = true;

    @JsonProperty
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    @JsonProperty
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @JsonProperty
    public Duration getSocketTimeout() {
        return socketTimeout;
    }

    @JsonProperty
    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    @JsonProperty
    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    @JsonProperty
    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    @ValidationMethod(message = "socketTimeout must be longer than statementTimeout, so a slow statement is "
            + "cancelled by the server before the driver gives up its connection")
    @JsonIgnore
    public boolean isSocketTimeoutLongerThanStatementTimeout() {
        return socketTimeout.toMilliseconds() > statementTimeout.toMilliseconds();
    }

    /**
     * For `db migrate`: a schema change may legitimately run longer than any request should, and an operator
     * watches the command; so only the TCP connect stays bounded (no login, socket or statement time-out).
     */
    public TimeBoundDataSourceFactory forMigrations() {
        perStatementBounds = false;
        return this;
    }

    @Override
    public ManagedDataSource build(MetricRegistry metricRegistry, String name) {
        Map<String, String> properties = new LinkedHashMap<>(getProperties());
        properties.putAll(driverProperties(getUrl()));
        setProperties(properties);
        return super.build(metricRegistry, name);
    }

    /** The driver properties that carry the time-outs for this URL's database; empty for other drivers. */
    Map<String, String> driverProperties(String url) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (url == null) {
            return properties;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            properties.put("connectTimeout", seconds(connectTimeout));
            if (perStatementBounds) {
                properties.put("loginTimeout", seconds(connectTimeout));
                properties.put("socketTimeout", seconds(socketTimeout));
                String options = getProperties().getOrDefault("options", "");
                properties.put("options", (options + " -c statement_timeout=" + statementTimeout.toMilliseconds()).strip());
            }
        } else if (url.startsWith("jdbc:h2:") && perStatementBounds) {
            properties.put("QUERY_TIMEOUT", Long.toString(statementTimeout.toMilliseconds()));
        }
        return properties;
    }

    /** PostgreSQL's driver counts whole seconds, and 0 would mean "wait forever": round up, at least 1. */
    private static String seconds(Duration duration) {
        return Long.toString(Math.max(1, (duration.toMilliseconds() + 999) / 1000));
    }
}
