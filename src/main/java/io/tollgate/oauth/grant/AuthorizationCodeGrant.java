package io.tollgate.oauth.grant;

import io.tollgate.oauth.OAuthException;
import io.tollgate.oauth.model.AuthorizationCode;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.TokenResponse;
import io.tollgate.oauth.store.AuthorizationCodeStore;
import io.tollgate.oauth.store.ResourceOwnerAuthenticator;
import io.tollgate.oauth.store.TokenStore;
import io.tollgate.oauth.token.TokenHasher;
import io.tollgate.oauth.token.TokenService;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** RFC 6749 §4.1.3 code redemption with RFC 7636 PKCE and replay revocation (§4.1.2). */
public final class AuthorizationCodeGrant implements GrantHandler {

    static final String INVALID_CODE = "Invalid authorization code.";

    private final AuthorizationCodeStore codes;
    private final TokenStore tokenStore;
    private final ResourceOwnerAuthenticator owners;
    private final TokenService tokens;
    private final Clock clock;

    public AuthorizationCodeGrant(AuthorizationCodeStore codes, TokenStore tokenStore,
                                  ResourceOwnerAuthenticator owners, TokenService tokens, Clock clock) {
        this.codes = Objects.requireNonNull(codes, "codes");
        this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
        this.owners = Objects.requireNonNull(owners, "owners");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GrantType grantType() {
        return GrantType.AUTHORIZATION_CODE;
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
        TokenResponse issued = tokens.issue(client, code.userId(), code.scope(), true, code.familyId());
        // A replay flags the code before it revokes the family, and the flag is read here only after the tokens
        // were committed: either the replay's revocation saw them, or this check sees its flag. The answer stays
        // the one a serial order gives (the first redemption gets its pair, the replay kills it).
        if (codes.isReplayed(codeHash)) {
            tokenStore.revokeFamily(code.familyId(), clock.instant());
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
        codes.markReplayed(codeHash, clock.instant())
                .ifPresent(used -> tokenStore.revokeFamily(used.familyId(), clock.instant()));
        return invalid();
    }

    private static OAuthException invalid() {
        return OAuthException.invalidGrant(INVALID_CODE);
    }
}
