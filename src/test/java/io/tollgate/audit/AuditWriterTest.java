package io.tollgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class AuditWriterTest {
    private static final Instant T = Instant.parse("2026-12-04T20:00:00Z");

    /** Records what it was given, on whatever thread. */
    static final class ListSink implements AuditSink {
        final List<AuditEvent> events = new ArrayList<>();

        @Override
        public synchronized void write(List<AuditEvent> batch) {
            events.addAll(batch);
        }
    }

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    private static AuditEvent event(String type) {
        return AuditEvent.of(type, AuditOutcome.SUCCESS).actor(AuditParty.user(1, "admin")).at(T);
    }

    @Test
    void aFullQueueDropsAndCountsWithoutBlocking() {
        ListSink sink = new ListSink();
        AuditWriter writer = new AuditWriter(2, List.of(sink), Duration.ofSeconds(5));

        writer.record(event("a"));
        writer.record(event("b"));
        writer.record(event("c"));
        writer.record(event("d"));

        assertThat(writer.depth()).isEqualTo(2);
        assertThat(writer.dropped()).isEqualTo(2);
        writer.flush();
        assertThat(sink.events).extracting(AuditEvent::type).containsExactly("a", "b");
        assertThat(writer.depth()).isZero();
        assertThat(writer.written()).isEqualTo(2);
    }

    @Test
    void eventsArrivingOneByOneShortlyAfterEachOtherShareABatch() throws Exception {
        List<Integer> batchSizes = new ArrayList<>();
        AuditWriter writer = new AuditWriter(1000, List.of(batch -> {
            synchronized (batchSizes) {
                batchSizes.add(batch.size());
            }
        }), Duration.ofSeconds(5));
        writer.start();
        try {
            // Ten events 2 ms apart: without the linger each would be its own batch, the writer being idle.
            for (int i = 0; i < 10; i++) {
                writer.record(event("e" + i));
                Thread.sleep(2);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (writer.written() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            writer.stop();
        }
        assertThat(writer.written()).isEqualTo(10);
        synchronized (batchSizes) {
            assertThat(batchSizes.size()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void theBackgroundThreadWritesEverythingQueuedBeforeStop() throws Exception {
        ListSink sink = new ListSink();
        AuditWriter writer = new AuditWriter(1000, List.of(sink), Duration.ofSeconds(30));
        for (int i = 0; i < 500; i++) {
            writer.record(event("e" + i));
        }
        writer.start();
        writer.stop();

        assertThat(sink.events).hasSize(500);
        assertThat(sink.events.get(0).type()).isEqualTo("e0");
        assertThat(sink.events.get(499).type()).isEqualTo("e499");
        assertThat(writer.dropped()).isZero();
    }

    @Test
    void aFailingSinkDoesNotStopTheOthers() {
        ListSink good = new ListSink();
        AuditSink broken = batch -> {
            throw new IllegalStateException("database down");
        };
        AuditWriter writer = new AuditWriter(10, List.of(broken, good), Duration.ofSeconds(5));
        writer.record(event("x"));
        writer.flush();
        assertThat(good.events).extracting(AuditEvent::type).containsExactly("x");
    }

    @Test
    void eventsTakeTheRequestIdAndAddressOfTheirRequest() {
        ListSink sink = new ListSink();
        AuditWriter writer = new AuditWriter(10, List.of(sink), Duration.ofSeconds(5));
        MDC.put(RequestContext.REQUEST_ID, "req-1");
        MDC.put(RequestContext.CLIENT_ADDRESS, "192.0.2.7");
        writer.record(event("x"));
        MDC.clear();
        writer.record(event("y"));
        writer.flush();

        assertThat(sink.events.get(0).requestId()).isEqualTo("req-1");
        assertThat(sink.events.get(0).clientAddress()).isEqualTo("192.0.2.7");
        assertThat(sink.events.get(1).requestId()).isNull();
    }

    @Test
    void recordingNeverThrowsEvenWhenStampingFails() {
        AuditWriter writer = new AuditWriter(10, List.of(new ListSink()), Duration.ofSeconds(5));
        writer.record(null);
        assertThat(writer.depth()).isZero();
    }
}
