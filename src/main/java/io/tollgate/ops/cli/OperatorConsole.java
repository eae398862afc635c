package io.tollgate.ops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.tollgate.TollgateConfiguration;
import io.tollgate.admin.AdminTokens;
import io.tollgate.admin.OperatorActions;
import io.tollgate.admin.TokenCacheInvalidation;
import io.tollgate.audit.AuditJson;
import io.tollgate.audit.AuditLoggerSink;
import io.tollgate.audit.AuditWriter;
import io.tollgate.persistence.JdbiAdminQueries;
import io.tollgate.persistence.JdbiAuditStore;
import io.tollgate.persistence.JdbiUserStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The operator actions for a command: the same {@link AdminTokens} the console uses, over the command's database,
 * with an audit trail written synchronously when the command closes (a command has no background writer).
 */
record OperatorConsole(OperatorActions actions, AuditWriter audit) implements AutoCloseable {
    /** A command has no token cache of its own; running servers' caches forget within tokenCache.maxStaleness. */
    private static final TokenCacheInvalidation NO_CACHE = new TokenCacheInvalidation() {
        @Override
        public void forgetUser(long userId) {
        }

        @Override
        public void forgetClient(long clientDbId) {
        }

        @Override
        public void forgetFamily(String familyId) {
        }
    };

    static OperatorConsole open(CliServices cli, TollgateConfiguration configuration, Clock clock) {
        ObjectMapper mapper = Jackson.newObjectMapper();
        AuditWriter audit = new AuditWriter(configuration.getAudit().getQueueCapacity(),
                List.of(new AuditLoggerSink(new AuditJson(mapper)), new JdbiAuditStore(cli.database().jdbi(), mapper)),
                Duration.ofSeconds(10));
        AdminTokens tokens = new AdminTokens(new JdbiAdminQueries(cli.database().jdbi()), NO_CACHE, audit, clock,
                cli.services().events());
        return new OperatorConsole(new OperatorActions(tokens, new JdbiUserStore(cli.database().jdbi()),
                cli.services().oauth().ports().clients()), audit);
    }

    @Override
    public void close() {
        audit.flush();
    }
}
