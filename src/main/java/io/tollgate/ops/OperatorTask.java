package io.tollgate.ops;

import io.dropwizard.servlets.tasks.Task;
import io.tollgate.admin.OperatorActions;
import io.tollgate.audit.AuditParty;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /tasks/revoke-user-tokens?user=…}, {@code /tasks/revoke-client-tokens?client_id=…} and
 * {@code /tasks/disable-client?client_id=…} on the admin port: the operator's emergency switches, the same as the
 * commands of the same names. Each prints one line saying what it did. An unknown or missing name changes nothing
 * and fails the task (Dropwizard answers 500 with the message; no stack trace unless configured).
 */
public final class OperatorTask extends Task {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorTask.class);
    static final String SOURCE = "admin_task";

    /** One operator action by name: (actions, actor, source, target) → what it did. */
    @FunctionalInterface
    public interface Action {
        String run(OperatorActions actions, AuditParty actor, String source, String target);
    }

    public record Definition(String name, String parameter, String help, Action action) {
    }

    public static final List<Definition> DEFINITIONS = List.of(
            new Definition("revoke-user-tokens", "user", "Revoke every live token of a user, by username",
                    OperatorActions::revokeUserTokens),
            new Definition("revoke-client-tokens", "client_id", "Revoke every live token of an application",
                    OperatorActions::revokeClientTokens),
            new Definition("disable-client", "client_id",
                    "Disable an application (no authentication, no authorization) and revoke its tokens",
                    OperatorActions::disableClient));

    private final Definition definition;
    private final OperatorActions actions;

    private OperatorTask(Definition definition, OperatorActions actions) {
        super(definition.name());
        this.definition = definition;
        this.actions = actions;
    }

    public static List<Task> all(OperatorActions actions) {
        return DEFINITIONS.stream().map(d -> (Task) new OperatorTask(d, actions)).toList();
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        List<String> values = parameters.getOrDefault(definition.parameter(), List.of());
        if (values.size() != 1) {
            throw new OperatorActions.UnknownTarget("Give exactly one " + definition.parameter() + "=...");
        }
        String done = definition.action().run(actions, OperatorActions.ADMIN_TASK, SOURCE, values.get(0));
        LOG.info("Admin task {}: {}", definition.name(), done);
        output.println(done);
        output.flush();
    }
}
