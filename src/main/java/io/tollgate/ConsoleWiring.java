package io.tollgate;

import com.codahale.metrics.Gauge;
import io.dropwizard.core.setup.Environment;
import io.tollgate.audit.AuditJson;
import io.tollgate.audit.AuditLog;
import io.tollgate.audit.AuditLoggerSink;
import io.tollgate.audit.AuditWriter;
import io.tollgate.persistence.JdbiAuditStore;
import io.tollgate.web.RequestIdFilter;
import io.tollgate.web.admin.AuditApiResource;
import io.tollgate.web.api.Pagination;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
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
        environment.metrics().register("io.tollgate.audit.queue.depth", (Gauge<Integer>) audit::depth);
        environment.metrics().register("io.tollgate.audit.dropped", (Gauge<Long>) audit::dropped);
        environment.metrics().register("io.tollgate.audit.written", (Gauge<Long>) audit::written);
        environment.servlets().addFilter("request-id", new RequestIdFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

    AuditLog audit() {
        return audit;
    }

    /** The audit API and the admin pages; call after the bearer filter and the page filter are registered. */
    void registerConsole() {
        environment.jersey().register(new AuditApiResource(auditStore, auditJson,
                new Pagination(configuration.getApi().getPageSize())));
    }
}
