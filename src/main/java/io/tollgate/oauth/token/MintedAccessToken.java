package io.tollgate.oauth.token;

import java.util.Objects;

/**
 * A freshly minted access token: the value for the client, shown once, and the SHA-256 hash that is all the
 * store ever keeps (revocation and lookups go by the hash whatever the format).
 */
public record MintedAccessToken(String value, String hash) {
    public MintedAccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(hash, "hash");
    }

    @Override
    public String toString() {
        return "MintedAccessToken[<secret>]";
    }
}
