package io.tollgate.ops.djangoimport;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.oauth.model.ScopeSet;
import org.junit.jupiter.api.Test;

class ScopeCacheTest {
    @Test
    void aScopeComesOutAsTollgateWritesItEveryTime() {
        ScopeCache cache = new ScopeCache();
        String expected = ScopeSet.parse("write read").asString();
        assertThat(cache.normalise("write read")).isEqualTo(expected);
        assertThat(cache.normalise("write read")).as("from the cache").isEqualTo(expected);
    }

    @Test
    void aMalformedScopeIsNullAndStaysSo() {
        ScopeCache cache = new ScopeCache();
        assertThat(cache.normalise("read \"quoted\"")).isNull();
        assertThat(cache.normalise("read \"quoted\"")).isNull();
        assertThat(cache.normalise("read")).isEqualTo("read");
    }

    @Test
    void pastItsSizeItStillAnswersWithoutKeeping() {
        ScopeCache cache = new ScopeCache();
        for (int i = 0; i < 10_050; i++) {
            assertThat(cache.normalise("s" + i)).isEqualTo("s" + i);
        }
    }
}
