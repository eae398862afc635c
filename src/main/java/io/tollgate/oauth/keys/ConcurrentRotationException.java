package io.tollgate.oauth.keys;

/** Another node rotated the keys at the same moment; this rotation changed nothing (the keys did rotate). */
public final class ConcurrentRotationException extends RuntimeException {
    public ConcurrentRotationException() {
        super("Another node rotated the signing keys at the same moment; nothing more was changed");
    }
}
