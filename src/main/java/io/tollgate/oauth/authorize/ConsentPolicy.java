package io.tollgate.oauth.authorize;

import io.tollgate.oauth.event.ConsentGranted;
import io.tollgate.oauth.event.ProtocolEventPublisher;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.store.ConsentStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Decides whether the user must see the consent page, and remembers what they allowed. */
public final class ConsentPolicy {
    private final ConsentStore consents;
    private final AuthorizeSettings settings;
    private final Clock clock;
    private final ProtocolEventPublisher events;

    public ConsentPolicy(ConsentStore consents, AuthorizeSettings settings, Clock clock) {
        this(consents, settings, clock, ProtocolEventPublisher.NONE);
    }

    public ConsentPolicy(ConsentStore consents, AuthorizeSettings settings, Clock clock, ProtocolEventPublisher events) {
        this.consents = Objects.requireNonNull(consents, "consents");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    public boolean mustAsk(AuthorizationRequest request, long userId) {
        if (!request.client().settings().requireConsent()) {
            return false;
        }
        if (!settings.rememberConsent()) {
            return true;
        }
        return consents.find(userId, request.client().id())
                .map(granted -> !granted.containsAll(request.scope()))
                .orElse(true);
    }

    /** Widens the remembered grant; a narrower request never shrinks what the user allowed before. */
    public void remember(AuthorizationRequest request, long userId) {
        List<String> union = new ArrayList<>(consents.find(userId, request.client().id())
                .map(ScopeSet::scopes).orElse(List.of()));
        union.addAll(request.scope().scopes());
        consents.save(userId, request.client().id(), new ScopeSet(union), clock.instant());
        events.publish(new ConsentGranted(clock.instant(), userId, request.client().id(), request.client().clientId(),
                request.scope()));
    }
}
