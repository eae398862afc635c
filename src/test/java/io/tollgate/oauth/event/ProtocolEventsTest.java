package io.tollgate.oauth.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtocolEventsTest {
    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void listenersHearEveryEventInSubscriptionOrder() {
        List<String> heard = new ArrayList<>();
        ProtocolEvents events = new ProtocolEvents(List.of(event -> heard.add("first " + event.getClass().getSimpleName())));
        events.subscribe(event -> heard.add("second " + event.getClass().getSimpleName()));
        events.publish(new UserDeleted(AT, 7));
        assertThat(heard).containsExactly("first UserDeleted", "second UserDeleted");
    }

    @Test
    void aFailingListenerDoesNotStopTheOthersNorThePublisher() {
        List<ProtocolEvent> heard = new ArrayList<>();
        ProtocolEvents events = new ProtocolEvents();
        events.subscribe(event -> {
            throw new IllegalStateException("audit store down");
        });
        events.subscribe(heard::add);
        ProtocolEvent event = new FamilyRevoked(AT, "family-1", FamilyRevoked.Reason.CODE_REPLAYED);
        events.publish(event);
        assertThat(heard).containsExactly(event);
    }

    @Test
    void anUnsubscribedListenerHearsNothingMore() {
        List<ProtocolEvent> heard = new ArrayList<>();
        ProtocolEventListener listener = heard::add;
        ProtocolEvents events = new ProtocolEvents();
        events.subscribe(listener);
        events.unsubscribe(listener);
        events.publish(new UserDeleted(AT, 7));
        assertThat(heard).isEmpty();
    }
}
