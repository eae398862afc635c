package io.tollgate.ops;

import io.dropwizard.servlets.tasks.Task;
import io.tollgate.audit.AuditEvent;
import io.tollgate.audit.AuditLog;
import io.tollgate.audit.AuditOutcome;
import io.tollgate.audit.AuditParty;
import io.tollgate.admin.OperatorActions;
import io.tollgate.oauth.keys.ConcurrentRotationException;
import io.tollgate.oauth.keys.RotationReport;
import io.tollgate.oauth.keys.SigningKeys;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** POST /tasks/rotatekeys on the admin port: the same rotation as the rotatekeys command. */
public class RotateKeysTask extends Task {
    private static final Logger LOG = LoggerFactory.getLogger(RotateKeysTask.class);
    private final SigningKeys keys;
    private final AuditLog audit;
    private final Clock clock;

    public RotateKeysTask(SigningKeys keys, AuditLog audit, Clock clock) {
        super("rotatekeys");
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        try {
            print(rotate(keys, audit, OperatorActions.ADMIN_TASK, clock), output);
        } catch (ConcurrentRotationException e) {
            output.println(e.getMessage());
            output.flush();
        }
    }

    /** Rotates; logs and audits key ids only, never key material. */
    public static RotationReport rotate(SigningKeys keys, AuditLog audit, AuditParty by, Clock clock) {
        RotationReport report = keys.rotate();
        LOG.info("Signing keys rotated by {}: retired {}, current {}, next {}", by.name(), report.retiredKid(),
                report.currentKid(), report.nextKid());
        audit.record(AuditEvent.of("key.rotated", AuditOutcome.SUCCESS).actor(by)
                .detail("retired_kid", report.retiredKid()).detail("current_kid", report.currentKid())
                .detail("next_kid", report.nextKid()).at(clock.instant()));
        return report;
    }

    /** Shared with the command, so both speak the same lines. */
    public static void print(RotationReport report, PrintWriter output) {
        if (report.retiredKid() != null) {
            output.println("retired: " + report.retiredKid() + " (published until " + report.retiredVerifiableUntil() + ")");
        }
        output.println("current: " + report.currentKid());
        output.println("next: " + report.nextKid());
        output.flush();
    }
}
