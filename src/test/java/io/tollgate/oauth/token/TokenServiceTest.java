package io.tollgate.oauth.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.OAuthFixture;
import io.tollgate.oauth.model.AccessToken;
import io.tollgate.oauth.model.Client;
import io.tollgate.oauth.model.GrantType;
import io.tollgate.oauth.model.RefreshToken;
import io.tollgate.oauth.model.ScopeSet;
import io.tollgate.oauth.model.TokenResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final String BASE64URL_43 = "[A-Za-z0-9_-]{43}";

    private final OAuthFixture f = new OAuthFixture();
    private final Client client = f.confidentialClient("app", "secret", GrantType.PASSWORD);

    @Test
    void tokensAre43Base64UrlCharactersAndUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String token = f.generator.generate();
            assertThat(token).matches(BASE64URL_43);
            seen.add(token);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void storeHoldsOnlyHashes() {
        TokenResponse response = f.tokens.issue(
                TokenContext.of(client, 7L, ScopeSet.of("read"), GrantType.PASSWORD), true);
        assertThat(response.accessToken()).matches(BASE64URL_43);
        assertThat(response.refreshToken()).matches(BASE64URL_43);

        AccessToken access = f.tokenStore.accessTokens().get(0);
        RefreshToken refresh = f.tokenStore.refreshTokens().get(0);
        assertThat(access.tokenHash()).isEqualTo(TokenHasher.sha256Hex(response.accessToken()));
        assertThat(refresh.tokenHash()).isEqualTo(TokenHasher.sha256Hex(response.refreshToken()));
        for (String plaintext : new String[] {response.accessToken(), response.refreshToken()}) {
            assertThat(access.toString()).doesNotContain(plaintext);
            assertThat(refresh.toString()).doesNotContain(plaintext);
        }
        assertThat(response.toString()).doesNotContain(response.accessToken()).doesNotContain(response.refreshToken());
        assertThat(access.refreshTokenId()).isEqualTo(refresh.id());
        assertThat(access.familyId()).isEqualTo(refresh.familyId());
    }

    @Test
    void newFamilyPerIssueUnlessGiven() {
        f.tokens.issue(TokenContext.of(client, 7L, ScopeSet.of("read"), GrantType.PASSWORD), false);
        f.tokens.issue(TokenContext.of(client, 7L, ScopeSet.of("read"), GrantType.PASSWORD), false);
        f.tokens.issue(
                TokenContext.of(client, 7L, ScopeSet.of("read"), GrantType.PASSWORD).withFamily("fam-1"), false);
        var families = f.tokenStore.accessTokens().stream().map(AccessToken::familyId).toList();
        assertThat(families.get(0)).isNotEqualTo(families.get(1));
        assertThat(families.get(2)).isEqualTo("fam-1");
    }

    @Test
    void hasherIsSha256AndComparesSafely() {
        assertThat(TokenHasher.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TokenHasher.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(TokenHasher.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(TokenHasher.constantTimeEquals(null, "abc")).isFalse();
    }
}
