package io.tollgate.oauth.keys;

import java.time.Instant;

/** What a rotation did, for the command and the admin task. {@code retiredKid} is null on a first start. */
public record RotationReport(String retiredKid, Instant retiredVerifiableUntil, String currentKid, String nextKid) {
}
