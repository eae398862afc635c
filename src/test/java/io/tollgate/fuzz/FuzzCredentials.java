package io.tollgate.fuzz;

/**
 * Real credentials the fuzzer may use so that broken input gets past authentication and reaches the code behind
 * it. Every field may be null (the fuzzer then sends garbage credentials only). The bearer token should belong to
 * a staff user with the read, write and groups scopes; the client is a confidential one with the password grant.
 */
public record FuzzCredentials(String bearer, Long userId, String clientId, String clientSecret, String username) {
    public static final FuzzCredentials NONE = new FuzzCredentials(null, null, null, null, null);

    public boolean hasBearer() {
        return bearer != null && !bearer.isEmpty();
    }

    public boolean hasClient() {
        return clientId != null && clientSecret != null;
    }
}
