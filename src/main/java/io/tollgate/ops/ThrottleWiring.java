package io.tollgate.ops;

import io.dropwizard.core.setup.Environment;
import io.tollgate.config.ThrottleSettings;
import io.tollgate.persistence.JdbiThrottleStore;
import io.tollgate.throttle.AttemptThrottle;
import io.tollgate.web.security.ClientAddresses;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** The shared attempt throttle and the request filter that tells it each request's client address. */
public final class ThrottleWiring {
    private ThrottleWiring() {
    }

    public static AttemptThrottle register(ThrottleSettings settings, Environment environment, Jdbi jdbi, Clock clock) {
        environment.jersey().register(new ClientAddresses(settings.trustedProxyList()));
        return settings.build(new JdbiThrottleStore(jdbi), clock, new ThrottleLog(environment.metrics()));
    }
}
