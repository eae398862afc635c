package io.tollgate.oauth.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.model.ScopeSet;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SuccessorSealTest {
    private final TokenGenerator generator = new TokenGenerator();
    private final SuccessorSeal seal = new SuccessorSeal();
    private final String old = generator.generate();
    private final SuccessorSeal.Successor pair =
            new SuccessorSeal.Successor(generator.generate(), generator.generate(), ScopeSet.of("read", "write"));

    @Test
    void theOldTokenOpensWhatWasSealedForIt() {
        assertThat(seal.open(old, seal.seal(old, pair))).contains(pair);
    }

    @Test
    void noOtherTokenOpensIt() {
        String sealed = seal.seal(old, pair);
        assertThat(seal.open(generator.generate(), sealed)).isEmpty();
        assertThat(seal.open(old.substring(1) + "A", sealed)).isEmpty();
    }

    @Test
    void theSealHoldsNoPlaintextAndIsFreshEachTime() {
        String sealed = seal.seal(old, pair);
        assertThat(sealed).doesNotContain(pair.accessToken()).doesNotContain(pair.refreshToken())
                .doesNotContain(old);
        assertThat(new String(Base64.getUrlDecoder().decode(sealed), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("read");
        assertThat(seal.seal(old, pair)).isNotEqualTo(sealed);
    }

    @Test
    void aTamperedOrTruncatedSealOpensNothing() {
        String sealed = seal.seal(old, pair);
        byte[] bytes = Base64.getUrlDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;
        assertThat(seal.open(old, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))).isEmpty();
        assertThat(seal.open(old, sealed.substring(0, 10))).isEmpty();
        assertThat(seal.open(old, "not base64 !")).isEmpty();
    }

    @Test
    void itFitsTheColumn() {
        SuccessorSeal.Successor wide = new SuccessorSeal.Successor(pair.accessToken(), pair.refreshToken(),
                ScopeSet.parse("read write groups introspection"));
        assertThat(seal.seal(old, wide).length()).isLessThan(1000);
    }
}
