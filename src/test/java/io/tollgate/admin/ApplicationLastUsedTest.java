package io.tollgate.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.event.TokenIntrospected;
import io.tollgate.oauth.event.TokenIssued;
import io.tollgate.oauth.model.ScopeSet;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ApplicationLastUsedTest {
    private static final Instant T = Instant.parse("2026-12-04T21:00:00Z");
    private final List<String> writes = new CopyOnWriteArrayList<>();
    /** Only recordUse is called by the class under test; any other call fails the test loudly. */
    private final AdminQueries queries = (AdminQueries) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {AdminQueries.class}, (proxy, method, args) -> {
                if (!method.getName().equals("recordUse")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                writes.add(args[0] + "@" + args[1]);
                return null;
            });
    private final ApplicationLastUsed lastUsed = new ApplicationLastUsed(queries, Duration.ofMinutes(1));

    private static TokenIssued issued(String clientId, Instant at) {
        return new TokenIssued(at, clientId, 1L, "password", "f", "h", false, ScopeSet.parse("read"));
    }

    @Test
    void writesAtMostOncePerMinutePerApplication() throws InterruptedException {
        lastUsed.on(issued("app", T));
        lastUsed.on(issued("app", T.plusSeconds(30)));
        lastUsed.on(issued("other", T.plusSeconds(30)));
        lastUsed.on(issued("app", T.plusSeconds(60)));
        lastUsed.on(new TokenIntrospected(T.plusSeconds(61), "other", true));
        lastUsed.on(new TokenIntrospected(T.plusSeconds(200), null, true));
        lastUsed.stop();
        assertThat(writes).containsExactly("app@" + T, "other@" + T.plusSeconds(30), "app@" + T.plusSeconds(60));
    }

    @Test
    void manyThreadsAtOnceWriteOnce() throws InterruptedException {
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                lastUsed.on(issued("app", T));
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        lastUsed.stop();
        assertThat(writes).containsExactly("app@" + T);
    }
}
