package io.tollgate.ops;

import com.codahale.metrics.health.HealthCheck;

/**
 * A health check written as a record of what it inspects. Dropwizard's registry takes its abstract
 * {@link HealthCheck} class, which {@link #asHealthCheck()} adapts a probe to (timing and exceptions included).
 */
public interface HealthProbe {
    HealthCheck.Result check() throws Exception;

    default HealthCheck asHealthCheck() {
        HealthProbe probe = this;
        return new HealthCheck() {
            @Override
            protected Result check() throws Exception {
                return probe.check();
            }
        };
    }
}
