package dev.cfcheck.diagnosis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObservationsTest {

    @Test
    void javasLongIpv6FormIsShortenedTheWayPeopleWriteIt() {
        assertThat(Observations.compactIpv6("2001:db8:0:0:0:0:0:10")).isEqualTo("2001:db8::10");
        assertThat(Observations.compactIpv6("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(Observations.compactIpv6("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(Observations.compactIpv6("2001:db8:0:0:0:0:0:0")).isEqualTo("2001:db8::");
        assertThat(Observations.compactIpv6("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
        assertThat(Observations.compactIpv6("1:0:0:2:0:0:0:3")).isEqualTo("1:0:0:2::3");
        assertThat(Observations.compactIpv6("2001:db8:1:1:1:1:1:1")).isEqualTo("2001:db8:1:1:1:1:1:1");
        assertThat(Observations.compactIpv6("fe80:0:0:0:0:0:0:1%eth0")).isEqualTo("fe80::1%eth0");
        assertThat(Observations.compactIpv6("203.0.113.10")).isEqualTo("203.0.113.10");
    }
}
