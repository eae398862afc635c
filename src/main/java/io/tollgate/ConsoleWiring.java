package io.tollgate;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.Gauge;
import io.dropwizard.core.setup.Environment;
import io.tollgate.admin.AdminTokens;
import io.tollgate.admin.ApplicationLastUsed;
import io.tollgate.admin.OperatorActions;
import io.tollgate.ops.OperatorTask;
import io.tollgate.admin.TokenCacheInvalidation;
import io.tollgate.oauth.resource.Invalidation;
import io.tollgate.oauth.compose.AuthorizationServer;
import io.tollgate.audit.AuditJson;
import io.tollgate.audit.AuditLog;
import io.tollgate.audit.AuditLoggerSink;
import io.tollgate.audit.AuditWriter;
import io.tollgate.audit.ProtocolAuditListener;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.ops.ProtocolMetrics;
import io.tollgate.ops.metrics.TollgateMetrics;
import io.tollgate.persistence.JdbiSessionStore;
import io.tollgate.web.EndpointTimingFilter;
import io.tollgate.ops.Readiness;
import io.tollgate.oauth.resource.CachingAccessTokenLookup;
import io.tollgate.oauth.store.ClientStore;
import io.tollgate.persistence.JdbiAdminQueries;
import io.tollgate.persistence.JdbiAuditStore;
import io.tollgate.persistence.JdbiUserStore;
import io.tollgate.users.GroupService;
import io.tollgate.users.UserService;
import io.tollgate.web.RequestIdFilter;
import io.tollgate.web.admin.AdminApplicationsResource;
import io.tollgate.web.admin.AdminAuditResource;
import io.tollgate.web.admin.AdminStatusResource;
import io.tollgate.ops.StatusFigures;
import io.tollgate.web.admin.AdminGroupsResource;
import io.tollgate.web.admin.AdminGuard;
import io.tollgate.web.admin.AdminTokensResource;
import io.tollgate.web.admin.AdminUsersResource;
import io.tollgate.web.admin.AuditApiResource;
import io.tollgate.web.api.Pagination;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/** Wiring only, for the operator console: the audit trail, request ids, the audit API and the admin pages. */
final class ConsoleWiring {
    private final TollgateConfiguration configuration;
    private final Environment environment;
    private final Jdbi jdbi;
    private final Clock clock;
    private final JdbiAuditStore auditStore;
    private final AuditJson auditJson;
    private final AuditWriter audit;
    private AdminTokens adminTokens;

    /** Starts the audit trail first, so everything wired after it can record events. */
    ConsoleWiring(TollgateConfiguration configuration, Environment environment, Jdbi jdbi, Clock clock) {
        this.configuration = configuration;
        this.environment = environment;
        this.jdbi = jdbi;
        this.clock = clock;
        this.auditStore = new JdbiAuditStore(jdbi, environment.getObjectMapper());
        this.auditJson = new AuditJson(environment.getObjectMapper());
        this.audit = new AuditWriter(configuration.getAudit().getQueueCapacity(),
                List.of(new AuditLoggerSink(auditJson), auditStore), Duration.ofSeconds(10));
        environment.lifecycle().manage(audit);
        environment.metrics().register(TollgateMetrics.AUDIT_QUEUE_DEPTH.dropwizardName(), (Gauge<Integer>) audit::depth);
        environment.metrics().register(TollgateMetrics.AUDIT_DROPPED.dropwizardName(), (Gauge<Long>) audit::dropped);
        environment.metrics().register(TollgateMetrics.AUDIT_WRITTEN.dropwizardName(), (Gauge<Long>) audit::written);
        Readiness readiness = new Readiness(environment.healthChecks(),
                configuration.getReadiness().getShutdownDrain().toJavaDuration());
        environment.lifecycle().addEventListener(readiness);
        environment.admin().addServlet("ready", readiness).addMapping("/ready");
        environment.servlets().addFilter("request-id", new RequestIdFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.servlets().addFilter("endpoint-timing", new EndpointTimingFilter(environment.metrics(),
                        TollgateMetrics.HTTP_DURATION::dropwizardName))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        JdbiSessionStore sessions = new JdbiSessionStore(jdbi);
        Duration idle = configuration.getSessions().getIdleTimeout().toJavaDuration();
        // Cached: a scrape or the status page must not become a query per poll.
        environment.metrics().register(TollgateMetrics.SESSIONS_ACTIVE.dropwizardName(),
                new CachedGauge<Long>(30, TimeUnit.SECONDS) {
                    @Override
                    protected Long loadValue() {
                        return sessions.countSeenSince(clock.instant().minus(idle));
                    }
                });
    }

    AuditLog audit() {
        return audit;
    }

    /** The audit API and the admin pages; call after the bearer filter and the page filter are registered. */
    void registerConsole(TollgateServices services) {
        environment.jersey().register(new AuditApiResource(auditStore, auditJson,
                new Pagination(configuration.getApi().getPageSize())));

        services.events().subscribe(new ProtocolAuditListener(audit,
                configuration.getAudit().getIntrospectionWindow().toJavaDuration()));
        services.events().subscribe(new ProtocolMetrics(environment.metrics(),
                services.oauth().grants().grantTypes().stream().map(GrantType::wireName).toList()));
        // The core's services, so user and client changes publish their events (cache, audit, metrics).
        UserService users = services.users();
        GroupService groups = services.groups();
        ClientStore clients = services.oauth().ports().clients();
        JdbiAdminQueries queries = new JdbiAdminQueries(jdbi);
        ApplicationLastUsed lastUsed = new ApplicationLastUsed(queries, Duration.ofMinutes(1));
        environment.lifecycle().manage(lastUsed);
        services.events().subscribe(lastUsed);
        adminTokens = new AdminTokens(queries, cache(services.oauth()), audit, clock,
                services.events());
        AdminGuard guard = new AdminGuard(new JdbiUserStore(jdbi), audit, clock);

        OperatorActions operator = new OperatorActions(adminTokens, new JdbiUserStore(jdbi), clients);
        for (OperatorTask.Definition task : OperatorTask.DEFINITIONS) {
            environment.admin().addServlet(task.name(), new OperatorTask(task, operator)).addMapping(task.path());
        }
        environment.jersey().register(new AdminUsersResource(guard, users, groups, queries, adminTokens, clients,
                auditStore, audit, clock));
        environment.jersey().register(new AdminGroupsResource(guard, groups, queries, audit, clock));
        environment.jersey().register(new AdminApplicationsResource(guard, queries, adminTokens, clients,
                services.oauth().registrations(), audit, clock));
        environment.jersey().register(new AdminTokensResource(guard, queries, adminTokens, clock));
        environment.jersey().register(new AdminAuditResource(guard, auditStore));
        environment.jersey().register(new AdminStatusResource(guard, new StatusFigures(environment.metrics(), clock)));
    }

    private static TokenCacheInvalidation cache(AuthorizationServer oauth) {
        CachingAccessTokenLookup tokenCache = oauth.tokenCache();
        return new TokenCacheInvalidation() {
            @Override
            public void forgetUser(long userId) {
                tokenCache.forgetUser(userId);
            }

            @Override
            public void forgetClient(long clientDbId) {
                // A disabled application must stop authenticating at once: its cached client goes too.
                oauth.caches().invalidate(Invalidation.client(clientDbId));
            }

            @Override
            public void forgetFamily(String familyId) {
                tokenCache.forgetFamily(familyId);
            }
        };
    }
}
