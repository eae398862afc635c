package io.tollgate;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.oauth.keys.JwtSigner;
import io.tollgate.oauth.keys.JwtVerifier;
import io.tollgate.oauth.keys.PrivateKeySealer;
import io.tollgate.oauth.keys.SigningKeys;
import io.tollgate.oauth.oidc.AuthenticationStore;
import io.tollgate.oauth.oidc.EndSession;
import io.tollgate.oauth.oidc.IdTokenHints;
import io.tollgate.oauth.oidc.IdTokenContributor;
import io.tollgate.oauth.oidc.IdTokens;
import io.tollgate.oauth.oidc.OidcAuthorization;
import io.tollgate.oauth.oidc.OidcIssuer;
import io.tollgate.oauth.oidc.OpenIdProviderMetadata;
import io.tollgate.oauth.oidc.SubjectIdentifiers;
import io.tollgate.oauth.oidc.UserInfo;
import io.tollgate.oauth.oidc.JwtAccessTokenFormat;
import io.tollgate.oauth.token.TokenGenerator;
import io.tollgate.ops.BoundedHealthCheck;
import io.tollgate.ops.DatabaseHealth;
import io.tollgate.ops.KeyEncryptionKeys;
import io.tollgate.audit.AuditLog;
import io.tollgate.ops.RotateKeysTask;
import io.tollgate.ops.SigningKeysHealthCheck;
import io.tollgate.persistence.JdbiAuthenticationStore;
import io.tollgate.persistence.JdbiSigningKeyStore;
import io.tollgate.users.UserOidcClaims;
import io.tollgate.users.UserStore;
import io.tollgate.web.oauth.JwksResource;
import io.tollgate.web.oidc.DiscoveryResource;
import io.tollgate.web.oidc.UserInfoResource;
import java.io.PrintStream;
import java.time.Clock;
import org.eclipse.jetty.server.Server;
import org.jdbi.v3.core.Jdbi;

/**
 * Wiring only, for OpenID Connect: signing keys and the JWKS, ID tokens (a token-response contributor), JWT
 * access tokens (an access-token format), userinfo, discovery, RP-initiated logout's rules, the key health check
 * and rotation task.
 */
public final class OpenIdConnect {
    private final TollgateConfiguration configuration;
    private final SigningKeys keys;
    private final OidcIssuer issuer;
    private final JwtSigner signer;
    private final JwtVerifier verifier;
    private final IdTokens idTokens;
    private final UserInfo userInfo;
    private final AuthenticationStore authentications;
    private final OidcAuthorization authorization;
    private final Clock clock;

    private OpenIdConnect(TollgateConfiguration configuration, SigningKeys keys, OidcIssuer issuer, IdTokens idTokens,
                          UserInfo userInfo, AuthenticationStore authentications, Clock clock) {
        this.configuration = configuration;
        this.keys = keys;
        this.issuer = issuer;
        this.signer = new JwtSigner(keys);
        this.verifier = new JwtVerifier(keys, clock);
        this.idTokens = idTokens;
        this.userInfo = userInfo;
        this.authentications = authentications;
        this.authorization = new OidcAuthorization(authentications, clock, this::hintSubject, SubjectIdentifiers.PUBLIC);
        this.clock = clock;
    }

    public static OpenIdConnect assemble(TollgateConfiguration configuration, Jdbi jdbi, Clock clock, UserStore users,
                                         PrintStream out) {
        SigningKeys keys = signingKeys(configuration, jdbi, clock, out);
        UserOidcClaims claims = new UserOidcClaims(users);
        IdTokens idTokens = new IdTokens(new JwtSigner(keys), SubjectIdentifiers.PUBLIC, claims,
                configuration.getOidc().getIdTokenLifetime().toJavaDuration(), clock);
        return new OpenIdConnect(configuration, keys, OidcIssuer.of(configuration.getOauth().getIssuer()), idTokens,
                new UserInfo(SubjectIdentifiers.PUBLIC, claims), new JdbiAuthenticationStore(jdbi), clock);
    }

    /** The shared signing keys; the server and the rotatekeys command build them alike. */
    public static SigningKeys signingKeys(TollgateConfiguration configuration, Jdbi jdbi, Clock clock, PrintStream out) {
        PrivateKeySealer sealer = new PrivateKeySealer(KeyEncryptionKeys.resolve(
                configuration.getOidc().getKeyEncryptionKey(), configuration.getDatabase().getUrl(), out));
        return new SigningKeys(new JdbiSigningKeyStore(jdbi), sealer, configuration.getOidc().signingKeySettings(
                configuration.getOauth().getAccessTokenLifetime().toJavaDuration()), clock);
    }

    /** Plugs the JWT access-token format and the ID-token contributor into the authorization server. */
    public AuthorizationServer.Builder plugInto(AuthorizationServer.Builder builder) {
        return builder
                .accessTokenFormat(new JwtAccessTokenFormat(signer, verifier, new TokenGenerator(),
                        SubjectIdentifiers.PUBLIC, issuer, configuration.getOidc().getAccessTokenAudience()))
                .tokenResponseContributor(new IdTokenContributor(idTokens, authentications, issuer));
    }

    /** Creates the first keys if needed (failing the start when they cannot be opened), then the endpoints. */
    public void register(Environment environment, AuthorizationServer oauth, AuditLog audit) {
        keys.ensureUsable();
        environment.lifecycle().addServerLifecycleListener(new ServerLifecycleListener() {
            @Override
            public void serverStarted(Server server) {
                issuer.serverStarted(getLocalPort(server));
            }
        });
        environment.jersey().register(new JwksResource(keys));
        environment.jersey().register(new UserInfoResource(oauth.accessTokenValidator(), userInfo));
        environment.jersey().register(new DiscoveryResource(issuer, new OpenIdProviderMetadata(oauth.metadata(),
                keys::signingAlgorithms, SubjectIdentifiers.PUBLIC)));
        // The key table changes on rotation only: answer the last result at once and refresh in the background, so
        // a frozen database cannot hold /healthcheck beyond the database check's own bound (seeded at start).
        HealthCheck signingKeys = new SigningKeysHealthCheck(keys).asHealthCheck();
        environment.healthChecks().register("signing-keys", new BoundedHealthCheck(signingKeys, DatabaseHealth.BOUND,
                environment.lifecycle().executorService("signing-keys-check-%d").minThreads(1).maxThreads(1).build(),
                true, signingKeys.execute()));
        if (configuration.getCleanup().isEnabled()) {
            // Sign-in facts go once the token purge has removed every code and token of their family.
            java.time.Duration every = configuration.getCleanup().getInterval().toJavaDuration();
            environment.lifecycle().scheduledExecutorService("oidc-cleanup").threads(1).build()
                    .scheduleWithFixedDelay(this::purgeSignIns, every.toSeconds(), every.toSeconds(),
                            java.util.concurrent.TimeUnit.SECONDS);
        }
        environment.admin().addTask(new RotateKeysTask(keys, audit, clock));
    }

    /** RP-Initiated Logout's decisions, over the server's clients and events (the end-session endpoint's). */
    public EndSession endSession(AuthorizationServer oauth) {
        return new EndSession(new IdTokenHints(verifier, issuer), oauth.ports().clients(), SubjectIdentifiers.PUBLIC,
                oauth.events(), clock);
    }

    /** The subject of an ID token this server issued to {@code clientId}; expired ones count (OIDC Core §3.1.2.1). */
    private java.util.Optional<String> hintSubject(String idToken, String clientId) {
        return verifier.verify(idToken, com.nimbusds.jose.JOSEObjectType.JWT, issuer.value(), true)
                .filter(claims -> claims.getAudience() != null && claims.getAudience().contains(clientId))
                .map(com.nimbusds.jwt.JWTClaimsSet::getSubject);
    }

    private void purgeSignIns() {
        try {
            authentications.deleteStoredBefore(clock.instant().minus(java.time.Duration.ofHours(1)));
        } catch (RuntimeException e) {
            // A failed run (database briefly away) is retried at the next interval; the thread must survive.
            org.slf4j.LoggerFactory.getLogger(OpenIdConnect.class).warn("OpenID Connect sign-in purge failed: {}",
                    e.getMessage());
        }
    }

    public SigningKeys keys() {
        return keys;
    }

    public OidcIssuer issuer() {
        return issuer;
    }

    public JwtVerifier verifier() {
        return verifier;
    }

    /** The authorization endpoint's OpenID Connect rules (prompt, max_age, nonce, sign-in facts). */
    public OidcAuthorization authorization() {
        return authorization;
    }

    public AuthenticationStore authentications() {
        return authentications;
    }
}
