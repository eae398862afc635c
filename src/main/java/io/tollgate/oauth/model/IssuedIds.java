package io.tollgate.oauth.model;

/** Database ids of a freshly stored token pair; {@code refreshTokenId} is null when no refresh token was saved. */
public record IssuedIds(long accessTokenId, Long refreshTokenId) {
}
