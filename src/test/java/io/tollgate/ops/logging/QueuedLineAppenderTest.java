package io.tollgate.ops.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueuedLineAppenderTest {
    private final LoggerContext context = new LoggerContext();

    private OutputStreamAppender<ILoggingEvent> target(OutputStream out) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern("%msg%n");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName("test");
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        return appender;
    }

    private LoggingEvent event(String message) {
        return new LoggingEvent(getClass().getName(), context.getLogger("test"), Level.INFO, message, null, null);
    }

    @Test
    void writesEveryLineInOrderFromConcurrentCallersAndFlushesOnStop() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueuedLineAppender<ILoggingEvent> appender = new QueuedLineAppender<>(target(out), 100_000);
        appender.start();
        List<Thread> callers = IntStream.range(0, 4).mapToObj(t -> new Thread(() -> {
            for (int i = 0; i < 5_000; i++) {
                appender.doAppend(event("caller " + t + " line " + i));
            }
        })).toList();
        callers.forEach(Thread::start);
        for (Thread caller : callers) {
            caller.join();
        }
        appender.stop();

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(20_000);
        assertThat(appender.dropped()).isZero();
        for (int t = 0; t < 4; t++) {
            String prefix = "caller " + t + " line ";
            List<Integer> order = lines.stream().filter(line -> line.startsWith(prefix))
                    .map(line -> Integer.parseInt(line.substring(prefix.length()))).toList();
            assertThat(order).hasSize(5_000).isSorted();
        }
    }

    @Test
    void aStalledOutputDropsLinesInsteadOfBlockingTheCaller() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OutputStream stalled = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                written.write(bytes, offset, length);
            }
        };
        QueuedLineAppender<ILoggingEvent> appender = new QueuedLineAppender<>(target(stalled), 16);
        appender.start();
        // Every call must return although nothing can be written: 10 000 lines into a queue of 16.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 10_000; i++) {
                appender.doAppend(event("line " + i));
            }
        });
        // At most one queue's worth is stuck in the stalled write and one more waits in the queue.
        assertThat(appender.dropped()).isGreaterThanOrEqualTo(10_000 - 2 * 16);
        release.countDown();
        appender.stop();
        assertThat(written.toString(StandardCharsets.UTF_8)).startsWith("line 0");
    }

    @Test
    void theTargetsFiltersStillApply() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> target = target(out);
        target.addFilter(new Filter<>() {
            @Override
            public FilterReply decide(ILoggingEvent event) {
                return event.getMessage().contains("secret") ? FilterReply.DENY : FilterReply.NEUTRAL;
            }
        });
        QueuedLineAppender<ILoggingEvent> appender = new QueuedLineAppender<>(target, 64);
        appender.start();
        appender.doAppend(event("kept"));
        appender.doAppend(event("a secret"));
        appender.stop();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly("kept");
    }
}
