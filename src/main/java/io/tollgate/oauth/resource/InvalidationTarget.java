package io.tollgate.oauth.resource;

/** A cache that can drop entries on an {@link Invalidation}: this node's bearer-token cache. */
@FunctionalInterface
public interface InvalidationTarget {
    /** Drops every entry the invalidation names; quick, never blocks on the network. */
    void invalidate(Invalidation invalidation);
}
