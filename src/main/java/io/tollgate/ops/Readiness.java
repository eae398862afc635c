package io.tollgate.ops;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /ready on the admin port, for load balancers: 200 once the server has started while the database and the
 * migrations checks pass; 503 from the moment shutdown begins. Shutdown then waits {@code drain} with the
 * server still answering, so balancers stop sending traffic before connections close. {@code /ping} stays
 * pure liveness (the process answers), {@code /healthcheck} the full picture.
 */
public final class Readiness extends HttpServlet implements LifeCycle.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);
    private static final List<String> CRITICAL = List.of("database", "migrations");

    private final transient HealthCheckRegistry checks;
    private final Duration drain;
    private volatile boolean started;
    private volatile boolean draining;

    public Readiness(HealthCheckRegistry checks, Duration drain) {
        this.checks = checks;
        this.drain = drain;
    }

    @Override
    public void lifeCycleStarted(LifeCycle event) {
        started = true;
    }

    @Override
    public void lifeCycleStopping(LifeCycle event) {
        if (draining) {
            return;
        }
        draining = true;
        LOG.info("Shutting down: /ready answers 503; draining for {}", drain);
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why this node should not get traffic now, or null when it should. */
    public String notReadyReason() {
        if (draining) {
            return "shutting down";
        }
        if (!started) {
            return "starting";
        }
        for (String name : CRITICAL) {
            if (checks.getNames().contains(name)) {
                HealthCheck.Result result = checks.runHealthCheck(name);
                if (!result.isHealthy()) {
                    return name + " unhealthy";
                }
            }
        }
        return null;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String reason = notReadyReason();
        response.setStatus(reason == null ? 200 : 503);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(reason == null ? "{\"ready\":true}"
                : "{\"ready\":false,\"reason\":\"" + reason + "\"}");
    }
}
