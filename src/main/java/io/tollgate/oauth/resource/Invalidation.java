package io.tollgate.oauth.resource;

import io.tollgate.oauth.event.AuthorizationRevoked;
import io.tollgate.oauth.event.ClientChanged;
import io.tollgate.oauth.event.ClientDeleted;
import io.tollgate.oauth.event.FamilyRevoked;
import io.tollgate.oauth.event.ProtocolEvent;
import io.tollgate.oauth.event.TokenRevoked;
import io.tollgate.oauth.event.UserChanged;
import io.tollgate.oauth.event.UserDeactivated;
import io.tollgate.oauth.event.TokensRevokedByOperator;
import io.tollgate.oauth.event.UserDeleted;
import java.util.Objects;
import java.util.Optional;

/**
 * "Forget what you cached about this": what one node tells the others when a token, grant, user or client
 * changes. Carries ids only (a token's SHA-256, never the token). {@link Kind#ALL} is local only: a node that
 * may have missed messages drops its whole cache.
 */
public record Invalidation(Kind kind, String value) {
    /** Wire codes are one letter so the payload stays small; never reuse one for another meaning. */
    public enum Kind {
        TOKEN_HASH('t'), FAMILY('f'), USER('u'), CLIENT('c'), ALL('*');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        public char code() {
            return code;
        }

        static Optional<Kind> ofCode(char code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    public Invalidation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static Invalidation tokenHash(String hash) {
        return new Invalidation(Kind.TOKEN_HASH, hash);
    }

    public static Invalidation family(String familyId) {
        return new Invalidation(Kind.FAMILY, familyId);
    }

    public static Invalidation user(long userId) {
        return new Invalidation(Kind.USER, Long.toString(userId));
    }

    /** @param clientDbId the client's database id (what cached claims carry) */
    public static Invalidation client(long clientDbId) {
        return new Invalidation(Kind.CLIENT, Long.toString(clientDbId));
    }

    /**
     * What a protocol event makes stale in a token cache, if anything: the one mapping both this node's cache
     * and the messages to other nodes follow.
     */
    public static Optional<Invalidation> of(ProtocolEvent event) {
        if (event instanceof TokenRevoked revoked) {
            // A refresh token takes the access tokens issued with it along; they share its family.
            return Optional.of(revoked.kind() == TokenRevoked.Kind.REFRESH_TOKEN
                    ? family(revoked.familyId()) : tokenHash(revoked.tokenHash()));
        } else if (event instanceof FamilyRevoked family) {
            return Optional.of(family(family.familyId()));
        } else if (event instanceof AuthorizationRevoked withdrawn) {
            return Optional.of(user(withdrawn.userId()));
        } else if (event instanceof ClientDeleted deleted) {
            return Optional.of(client(deleted.clientDbId()));
        } else if (event instanceof ClientChanged changed) {
            // A new secret, disabled grant or changed settings: the client caches must reload it (the token cache
            // drops the client's tokens too, more than needed on a rare event).
            return Optional.of(client(changed.clientDbId()));
        } else if (event instanceof UserChanged changed) {
            // The cached claims carry the user's roles and active flag; a user just created has no tokens yet, so
            // creating one sends nothing to the other nodes.
            return changed.change() == UserChanged.Change.CREATED ? Optional.empty()
                    : Optional.of(user(changed.userId()));
        } else if (event instanceof UserDeactivated deactivated) {
            return Optional.of(user(deactivated.userId()));
        } else if (event instanceof UserDeleted deleted) {
            return Optional.of(user(deleted.userId()));
        } else if (event instanceof TokensRevokedByOperator operator) {
            return Optional.of(operator.userId() != null ? user(operator.userId())
                    : operator.clientDbId() != null ? client(operator.clientDbId()) : family(operator.familyId()));
        }
        // TokenIssued, CodeReplayed (its tokens go with FamilyRevoked), LoginFailed, SignedOut (a browser session,
        // not a token) and the other reports (sign-ins, checks, introspections, refusals, consents) change nothing
        // cached.
        return Optional.empty();
    }

    public static Invalidation all() {
        return new Invalidation(Kind.ALL, "");
    }

    /** {@code "1 <node> <code> <value>"}: version, sender, kind, then the value (may contain spaces). */
    public String toPayload(String node) {
        if (node.isEmpty() || node.contains(" ")) {
            throw new IllegalArgumentException("node id must be one non-empty word");
        }
        return "1 " + node + " " + kind.code + " " + value;
    }

    /** A message from another node; empty for anything unreadable (a newer version, garbage). */
    public static Optional<Message> parse(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        String[] parts = payload.split(" ", 4);
        if (parts.length != 4 || !parts[0].equals("1") || parts[2].length() != 1) {
            return Optional.empty();
        }
        return Kind.ofCode(parts[2].charAt(0)).filter(kind -> kind != Kind.ALL)
                .map(kind -> new Message(parts[1], new Invalidation(kind, parts[3])));
    }

    /** An invalidation and the node that sent it. */
    public record Message(String node, Invalidation invalidation) {
    }
}
