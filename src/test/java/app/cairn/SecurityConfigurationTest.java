package app.cairn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityConfigurationTest {

    @Test
    void only_loopback_and_private_addresses_count_as_internal() {
        assertThat(SecurityConfiguration.isInternal("127.0.0.1")).isTrue();
        assertThat(SecurityConfiguration.isInternal("::1")).isTrue();
        assertThat(SecurityConfiguration.isInternal("10.2.3.4")).isTrue();
        assertThat(SecurityConfiguration.isInternal("192.168.1.20")).isTrue();
        assertThat(SecurityConfiguration.isInternal("172.20.0.5")).isTrue();
        assertThat(SecurityConfiguration.isInternal("8.8.8.8")).isFalse();
        assertThat(SecurityConfiguration.isInternal("2001:db8::1")).isFalse();
        assertThat(SecurityConfiguration.isInternal("not-an-address")).isFalse();
    }
}
