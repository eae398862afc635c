package io.tollgate.oauth.grant;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.event.CodeReplayed;
import io.tollgate.oauth.event.FamilyRevoked;
import io.tollgate.oauth.event.ProtocolEventPublisher;
import io.tollgate.oauth.model.AuthorizationCode;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.ClientType;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.store.AuthorizationCodeStore;
import io.tollgate.oauth.store.ResourceOwnerAuthenticator;
import io.tollgate.oauth.token.TokenContext;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.oauth.token.TokenService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** RFC 6749 §4.1.3 code redemption with RFC 7636 PKCE and replay revocation (§4.1.2). */
public record AuthorizationCodeGrant(AuthorizationCodeStore codes, ResourceOwnerAuthenticator owners,
                                     TokenService tokens, ProtocolEventPublisher events,
                                     Clock clock) implements GrantHandler {

    static final String INVALID_CODE = "Invalid authorization code.";

    @Override
    public GrantType grantType() {
        return GrantType.AUTHORIZATION_CODE;
    }

    @Override
    public boolean issuesRefreshTokens() {
        return true;
    }

    @Override
    public Optional<String> label() {
        return Optional.of("Authorization code");
    }

    @Override
    public List<RegistrationProblem> registrationProblems(ClientType type, List<String> redirectUris) {
        return redirectUris.isEmpty()
                ? List.of(new RegistrationProblem("redirect_uris",
                        "The authorization code grant needs at least one redirect URI."))
                : List.of();
    }

    @Override
    public TokenResponse handle(Client client, TokenParameters params) {
        String codeHash = TokenHasher.sha256Hex(params.required("code"));
        Optional<String> redirectUri = params.optional("redirect_uri");
        Optional<String> verifier = params.optional("code_verifier");
        // Consumed before any other check: a failed attempt burns the code, so it cannot be probed repeatedly.
        AuthorizationCode code = codes.consume(codeHash, clock.instant()).orElseThrow(() -> replayOrUnknown(codeHash));
        if (code.clientDbId() != client.id() || code.isExpired(clock)) {
            throw invalid();
        }
        if (redirectUri.isEmpty() || !redirectUri.get().equals(code.redirectUri())) {
            throw invalid();
        }
        checkPkce(code, verifier);
        if (owners.findActive(code.userId()).isEmpty()) {
            throw invalid();
        }
        TokenResponse issued = tokens.issue(TokenContext.of(client, code.userId(), code.scope(),
                GrantType.AUTHORIZATION_CODE).withFamily(code.familyId()), true);
        // A replay flags the code before it revokes the family, and the flag is read here only after the tokens
        // were committed: either the replay's revocation saw them, or this check sees its flag. The answer stays
        // the one a serial order gives (the first redemption gets its pair, the replay kills it).
        if (codes.isReplayed(codeHash)) {
            tokens.revokeFamily(code.familyId(), FamilyRevoked.Reason.CODE_REPLAYED);
        }
        return issued;
    }

    private static void checkPkce(AuthorizationCode code, Optional<String> verifier) {
        if (code.codeChallenge() == null) {
            // A verifier without a stored challenge hints at a downgrade or a mix-up; refuse rather than ignore.
            if (verifier.isPresent()) {
                throw invalid();
            }
            return;
        }
        if (verifier.isEmpty()
                || !Pkce.matches(verifier.get(), code.codeChallenge(), code.codeChallengeMethod())) {
            throw invalid();
        }
    }

    private OAuthException replayOrUnknown(String codeHash) {
        // Flag first, revoke second: the order the winning redemption's re-check relies on.
        codes.markReplayed(codeHash, clock.instant()).ifPresent(used -> {
            events.publish(new CodeReplayed(clock.instant(), used.clientDbId(), used.familyId()));
            tokens.revokeFamily(used.familyId(), FamilyRevoked.Reason.CODE_REPLAYED);
        });
        return invalid();
    }

    private static OAuthException invalid() {
        return OAuthException.invalidGrant(INVALID_CODE);
    }
}
