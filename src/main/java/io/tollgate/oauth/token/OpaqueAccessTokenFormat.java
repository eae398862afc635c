package io.tollgate.oauth.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** 256 random bits, base64url; the value carries nothing, the stored row says everything. */
public final class OpaqueAccessTokenFormat implements AccessTokenFormat {
    public static final String NAME = "opaque";

    private final TokenGenerator generator;

    public OpaqueAccessTokenFormat(TokenGenerator generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MintedAccessToken mint(TokenContext context, Instant issuedAt, Instant expiresAt) {
        String value = generator.generate();
        return new MintedAccessToken(value, TokenHasher.sha256Hex(value));
    }

    @Override
    public Optional<String> verify(String presented) {
        // Any string may be an opaque token; the store decides whether it is one.
        return presented == null || presented.isEmpty() ? Optional.empty()
                : Optional.of(TokenHasher.sha256Hex(presented));
    }
}
