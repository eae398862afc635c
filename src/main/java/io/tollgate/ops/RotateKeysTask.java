package io.tollgate.ops;

import io.dropwizard.servlets.tasks.Task;
import io.tollgate.oauth.keys.ConcurrentRotationException;
import io.tollgate.oauth.keys.RotationReport;
import io.tollgate.oauth.keys.SigningKeys;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** POST /tasks/rotatekeys on the admin port: the same rotation as the rotatekeys command. */
public class RotateKeysTask extends Task {
    private static final Logger LOG = LoggerFactory.getLogger(RotateKeysTask.class);
    private final SigningKeys keys;

    public RotateKeysTask(SigningKeys keys) {
        super("rotatekeys");
        this.keys = keys;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        try {
            print(rotate(keys, "task"), output);
        } catch (ConcurrentRotationException e) {
            output.println(e.getMessage());
            output.flush();
        }
    }

    /** Rotates and logs key ids only, never key material. */
    public static RotationReport rotate(SigningKeys keys, String by) {
        RotationReport report = keys.rotate();
        LOG.info("Signing keys rotated by {}: retired {}, current {}, next {}", by, report.retiredKid(),
                report.currentKid(), report.nextKid());
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
