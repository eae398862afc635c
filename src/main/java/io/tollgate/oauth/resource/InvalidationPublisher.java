package io.tollgate.oauth.resource;

/** Tells the other nodes, after a change is stored, to drop what they cached about it. */
@FunctionalInterface
public interface InvalidationPublisher {
    /** One node, or a database without a channel: nobody else to tell. */
    InvalidationPublisher NONE = invalidation -> { };

    /** Best effort: a message that cannot be sent is logged; other nodes then catch up within the staleness bound. */
    void publish(Invalidation invalidation);
}
