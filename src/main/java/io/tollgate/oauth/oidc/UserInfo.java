package io.tollgate.oauth.oidc;

import io.tollgate.oauth.model.ScopeSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The userinfo endpoint's answer (OIDC Core §5.3) for an access token already found valid. */
public final class UserInfo {
    private final SubjectIdentifiers subjects;
    private final UserClaimsSource users;

    public UserInfo(SubjectIdentifiers subjects, UserClaimsSource users) {
        this.subjects = Objects.requireNonNull(subjects, "subjects");
        this.users = Objects.requireNonNull(users, "users");
    }

    /** The claims the token's scope releases, {@code sub} always; empty when the user is no longer active. */
    public Optional<Map<String, Object>> claims(long userId, String clientId, ScopeSet scope) {
        return users.findActive(userId)
                .map(user -> ScopeClaims.of(subjects.subject(userId, clientId), user, scope));
    }
}
