package io.tollgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck;
import com.codahale.metrics.health.HealthCheckRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadinessTest {
    @Test
    void readyOnlyBetweenStartAndShutdownWhileTheDatabaseAnswers() {
        AtomicBoolean databaseUp = new AtomicBoolean(true);
        HealthCheckRegistry checks = new HealthCheckRegistry();
        checks.register("database", new HealthCheck() {
            @Override
            protected Result check() {
                return databaseUp.get() ? Result.healthy() : Result.unhealthy("down");
            }
        });
        checks.register("deadlocks", new HealthCheck() {
            @Override
            protected Result check() {
                return Result.unhealthy("not critical for traffic");
            }
        });
        Readiness readiness = new Readiness(checks, Duration.ZERO);

        assertThat(readiness.notReadyReason()).isEqualTo("starting");
        readiness.lifeCycleStarted(null);
        assertThat(readiness.notReadyReason()).isNull();
        databaseUp.set(false);
        assertThat(readiness.notReadyReason()).isEqualTo("database unhealthy");
        databaseUp.set(true);
        readiness.lifeCycleStopping(null);
        assertThat(readiness.notReadyReason()).isEqualTo("shutting down");
    }
}
