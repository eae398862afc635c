package io.tollgate.users;

/**
 * Thrown by a store when a unique index refuses a write. The services check uniqueness first for a friendly
 * message; this covers the race where two requests pass that check at once.
 */
public class UniqueViolationException extends RuntimeException {
    public UniqueViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
