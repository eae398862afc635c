package io.tollgate.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tollgate.admin.OperatorActions;
import io.tollgate.audit.AuditParty;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /tasks/revoke-user-tokens?user=…}, {@code /tasks/revoke-client-tokens?client_id=…} and
 * {@code /tasks/disable-client?client_id=…} on the admin port: the operator's emergency switches, the same as the
 * commands of the same names. Each prints one line saying what it did. A servlet at the task's own path rather than
 * a Dropwizard {@code Task}: a task can only fail with 500, and an unknown or missing name is the caller's mistake
 * (404 or 400 with a JSON reason, nothing changed), which a script must be able to tell from a server fault.
 */
public final class OperatorTask extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorTask.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SOURCE = "admin_task";

    /** One operator action by name: (actions, actor, source, target) → what it did. */
    @FunctionalInterface
    public interface Action {
        String run(OperatorActions actions, AuditParty actor, String source, String target);
    }

    public record Definition(String name, String parameter, String help, Action action) {
        /** Where the task answers on the admin port; more specific than Dropwizard's own /tasks/* servlet. */
        public String path() {
            return "/tasks/" + name;
        }
    }

    public static final List<Definition> DEFINITIONS = List.of(
            new Definition("revoke-user-tokens", "user", "Revoke every live token of a user, by username",
                    OperatorActions::revokeUserTokens),
            new Definition("revoke-client-tokens", "client_id", "Revoke every live token of an application",
                    OperatorActions::revokeClientTokens),
            new Definition("disable-client", "client_id",
                    "Disable an application (no authentication, no authorization) and revoke its tokens",
                    OperatorActions::disableClient));

    private final transient Definition definition;
    private final transient OperatorActions actions;

    public OperatorTask(Definition definition, OperatorActions actions) {
        this.definition = definition;
        this.actions = actions;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] values = request.getParameterMap().getOrDefault(definition.parameter(), new String[0]);
        if (values.length != 1 || values[0].isBlank()) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "Give exactly one " + definition.parameter() + "=...");
            return;
        }
        String done;
        try {
            done = definition.action().run(actions, OperatorActions.ADMIN_TASK, SOURCE, values[0]);
        } catch (OperatorActions.UnknownTarget e) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
            return;
        }
        LOG.info("Admin task {}: {}", definition.name(), done);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/plain;charset=utf-8");
        response.getWriter().println(done);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "POST " + definition.path() + "?"
                + definition.parameter() + "=... (" + definition.help() + ")");
    }

    private void refuse(HttpServletResponse response, int status, String reason) throws IOException {
        LOG.warn("Admin task {} refused: {}", definition.name(), reason);
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(JSON.writeValueAsString(Map.of("error", reason))
                .getBytes(StandardCharsets.UTF_8));
    }
}
