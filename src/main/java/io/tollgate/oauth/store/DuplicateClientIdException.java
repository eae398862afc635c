package io.tollgate.oauth.store;

/** Thrown by {@link ClientStore#insert} when the unique client_id index refuses the row. */
public class DuplicateClientIdException extends RuntimeException {
    public DuplicateClientIdException(String clientId) {
        super("client_id already registered: " + clientId);
    }
}
