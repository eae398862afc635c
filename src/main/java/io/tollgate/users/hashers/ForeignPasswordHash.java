package io.tollgate.users.hashers;

/**
 * A password-hash format Tollgate verifies but never writes: hashes brought over from Django are checked in
 * their own format at sign-in and then replaced by Tollgate's configured PBKDF2.
 */
public interface ForeignPasswordHash {
    /** Django's algorithm name, the part of the encoded hash before the first {@code $}. */
    String algorithm();

    /** Whether the password matches; false for a malformed hash, never an exception. */
    boolean matches(String rawPassword, String encoded);
}
