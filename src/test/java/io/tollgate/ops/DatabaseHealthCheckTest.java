package io.tollgate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.health.HealthCheck.Result;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The health check over a scripted pool: what it reports when pooled connections died before it came. */
class DatabaseHealthCheckTest {
    private final AtomicInteger borrowed = new AtomicInteger();

    /**
     * The first {@code dead} connections fail their statement with {@code deadState}; after them, opening a
     * connection fails with {@code thenState}, or, when that is null, the statement succeeds.
     */
    private DataSource pool(int dead, String deadState, String thenState) {
        return pool(dead, deadState, thenState, 0);
    }

    /** As above, each dead connection failing only after {@code deadAfterMillis}. */
    private DataSource pool(int dead, String deadState, String thenState, long deadAfterMillis) {
        return proxy(DataSource.class, (method, args) -> {
            if (!method.equals("getConnection")) {
                return null;
            }
            int n = borrowed.incrementAndGet();
            if (n > dead && thenState != null) {
                throw new SQLException("Connection to 127.0.0.1:5432 refused", thenState);
            }
            Statement statement = proxy(Statement.class, (call, callArgs) -> {
                if (call.equals("execute") && n <= dead) {
                    Thread.sleep(deadAfterMillis);
                    throw new SQLException("FATAL: terminating connection due to administrator command", deadState);
                }
                return call.equals("execute") ? Boolean.TRUE : null;
            });
            return proxy(Connection.class, (call, callArgs) -> call.equals("createStatement") ? statement : null);
        });
    }

    @Test
    void connectionsTheServerEndedEarlierAreSkippedUntilTheDatabaseItselfAnswers() {
        Result refused = new DatabaseHealthCheck(pool(5, "57P01", "08001"), 1).check();
        assertThat(refused.isHealthy()).isFalse();
        assertThat(refused.getMessage()).startsWith("SQLSTATE 08001: Connection to 127.0.0.1:5432 refused");
        assertThat(borrowed.get()).isEqualTo(6);

        borrowed.set(0);
        Result back = new DatabaseHealthCheck(pool(3, "08006", null), 1).check();
        assertThat(back.isHealthy()).isTrue();
        assertThat(borrowed.get()).isEqualTo(4);
    }

    @Test
    void anyOtherFailureIsReportedAtOnceAndDeadConnectionsOnlyUpToTheLimit() {
        Result timedOut = new DatabaseHealthCheck(pool(1, "57014", "08001"), 1).check();
        assertThat(timedOut.getMessage()).startsWith("SQLSTATE 57014");
        assertThat(borrowed.get()).isEqualTo(1);

        borrowed.set(0);
        Result endless = new DatabaseHealthCheck(pool(Integer.MAX_VALUE, "57P01", null), 1).check();
        assertThat(endless.getMessage()).startsWith("SQLSTATE 57P01: FATAL: terminating connection");
        assertThat(borrowed.get()).isEqualTo(DatabaseHealthCheck.MOST_DEAD_CONNECTIONS);
    }

    @Test
    void aConnectionThatBrokeAfterAWaitIsTheDatabasesStateNowAndIsNotRetried() {
        // A frozen database: the socket times out (08006) after a wait; more connections would only hang as well.
        Result frozen = new DatabaseHealthCheck(pool(5, "08006", null, DatabaseHealthCheck.AT_ONCE_MILLIS + 50), 1)
                .check();
        assertThat(frozen.isHealthy()).isFalse();
        assertThat(frozen.getMessage()).startsWith("SQLSTATE 08006");
        assertThat(borrowed.get()).isEqualTo(1);
    }

    private interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.answer(method.getName(), args)));
    }
}
