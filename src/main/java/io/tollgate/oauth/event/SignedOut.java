package io.tollgate.oauth.event;

import java.time.Instant;

/**
 * A browser session ended because an application asked (OpenID Connect RP-Initiated Logout).
 *
 * @param clientId the application that asked, when the request named one; nullable
 */
public record SignedOut(Instant at, long userId, String clientId) implements ProtocolEvent {
}
