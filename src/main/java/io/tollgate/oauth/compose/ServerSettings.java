package io.tollgate.oauth.compose;

import io.tollgate.oauth.authorize.AuthorizeSettings;
import io.tollgate.oauth.model.Require;
import io.tollgate.oauth.scope.ScopeRegistry;
import io.tollgate.oauth.token.TokenSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the authorization server is configured with, as plain values (the Dropwizard configuration maps
 * onto it; the protocol never reads the configuration classes).
 *
 * @param issuer                 nullable: from each request's base URL
 * @param refreshTokenReuseGrace zero: any reuse of a rotated refresh token revokes its family
 */
public record ServerSettings(TokenSettings tokens, ScopeRegistry scopes, AuthorizeSettings authorize,
                             Duration refreshTokenReuseGrace, String issuer, TokenCache tokenCache, Purge purge) {

    public ServerSettings {
        Require.nonNull("tokens scopes authorize refreshTokenReuseGrace tokenCache purge",
                tokens, scopes, authorize, refreshTokenReuseGrace, tokenCache, purge);
    }

    /** The defaults of config.yml with these scopes: for tests and tools. */
    public static ServerSettings defaults(ScopeRegistry scopes) {
        return new ServerSettings(TokenSettings.defaults(), scopes, AuthorizeSettings.defaults(), Duration.ZERO, null,
                new TokenCache(Duration.ofSeconds(5), 10_000),
                new Purge(Duration.ofDays(7), 1000, Duration.ofHours(2)));
    }

    public ServerSettings withReuseGrace(Duration grace) {
        return new ServerSettings(tokens, scopes, authorize, grace, issuer, tokenCache, purge);
    }

    public ServerSettings withTokenCache(TokenCache cache) {
        return new ServerSettings(tokens, scopes, authorize, refreshTokenReuseGrace, issuer, cache, purge);
    }

    /** The per-node cache of access-token checks; a zero staleness turns it off. */
    public record TokenCache(Duration maxStaleness, long maximumSize) {
        public TokenCache {
            Objects.requireNonNull(maxStaleness, "maxStaleness");
        }
    }

    /**
     * The purge of dead rows.
     *
     * @param retention          rows are kept this long after they stopped being usable
     * @param sessionIdleTimeout a browser session idle this long has ended
     * @param restRatio          after each batch the purge rests this many times as long as the batch took
     */
    public record Purge(Duration retention, int batchSize, Duration sessionIdleTimeout, double restRatio) {
        public Purge {
            Objects.requireNonNull(retention, "retention");
            Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        }

        /** A purge that never rests (tests, tools). */
        public Purge(Duration retention, int batchSize, Duration sessionIdleTimeout) {
            this(retention, batchSize, sessionIdleTimeout, 0);
        }
    }
}
