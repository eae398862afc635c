package io.tollgate.oauth.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GrantTypeTest {
    @Test
    void anyNameIsAGrantTypeAndEqualNamesAreEqualGrants() {
        assertThat(GrantType.of("password")).isEqualTo(GrantType.PASSWORD);
        assertThat(GrantType.of("urn:example:custom").wireName()).isEqualTo("urn:example:custom");
        assertThat(GrantType.of("Password")).isNotEqualTo(GrantType.PASSWORD);
    }

    @Test
    void anIetfUrnIsKnownByItsLastSegmentToo() {
        assertThat(GrantType.DEVICE_CODE.shortName()).isEqualTo("device_code");
        assertThat(GrantType.DEVICE_CODE.isNamed("device_code")).isTrue();
        assertThat(GrantType.DEVICE_CODE.isNamed("urn:ietf:params:oauth:grant-type:device_code")).isTrue();
        assertThat(GrantType.PASSWORD.shortName()).isEqualTo("password");
        assertThat(GrantType.of("urn:example:device_code").isNamed("device_code")).isFalse();
    }

    @Test
    void blankOrPaddedNamesAreRefused() {
        assertThatThrownBy(() -> GrantType.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GrantType.of(" password")).isInstanceOf(IllegalArgumentException.class);
    }
}
