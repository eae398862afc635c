package io.tollgate.oauth.resource;

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
        TOKEN_HASH('t'), FAMILY('f'), USER('u'), CLIENT('c'), ACCESS_TOKEN_ID('a'), ISSUED_WITH_REFRESH_TOKEN('r'),
        ALL('*');

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

    public static Invalidation client(String clientId) {
        return new Invalidation(Kind.CLIENT, clientId);
    }

    public static Invalidation accessTokenId(long id) {
        return new Invalidation(Kind.ACCESS_TOKEN_ID, Long.toString(id));
    }

    public static Invalidation issuedWith(long refreshTokenId) {
        return new Invalidation(Kind.ISSUED_WITH_REFRESH_TOKEN, Long.toString(refreshTokenId));
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
