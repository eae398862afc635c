package io.tollgate.oauth.oidc;

/**
 * How a user is named to a client ({@code sub}): stable and never reassigned. "public" (OIDC Core §8) is the
 * user id as a string; a pairwise implementation (per sector identifier) can replace this one later.
 */
@FunctionalInterface
public interface SubjectIdentifiers {
    SubjectIdentifiers PUBLIC = (userId, clientId) -> Long.toString(userId);

    String subject(long userId, String clientId);

    /** The OIDC Core §8 subject type, for the discovery document's subject_types_supported. */
    default String type() {
        return "public";
    }
}
