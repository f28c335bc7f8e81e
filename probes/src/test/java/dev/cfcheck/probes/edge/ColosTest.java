package dev.cfcheck.probes.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColosTest {

    private final Colos colos = Colos.bundled();

    @Test
    void knowsTheColosOfTheRealRayIds() {
        // From real cf-ray headers: a23c92d51bc8a952-DTW, 98933fb3680f30aa-ICN, 8de9da34eb46d36d-FRA.
        assertThat(colos.city("DTW")).isEqualTo("Detroit, United States");
        assertThat(colos.city("ICN")).isEqualTo("Seoul, South Korea");
        assertThat(colos.city("FRA")).isEqualTo("Frankfurt, Germany");
        assertThat(colos.city("GRU")).isEqualTo("São Paulo, Brazil");
    }

    @Test
    void readsCodesInAnyCase() {
        assertThat(colos.city(" sjc ")).isEqualTo(colos.city("SJC")).isNotNull();
    }

    @Test
    void unknownOrMalformedCodesHaveNoCity() {
        assertThat(colos.city("ZZZ")).isNull();
        assertThat(colos.city("LOCAL")).isNull();
        assertThat(colos.city("DT")).isNull();
        assertThat(colos.city("../etc")).isNull();
        assertThat(colos.city(null)).isNull();
    }

    @Test
    void bundlesEveryColoOfTheSourceList() {
        // colos.json has 335 keys: 334 IATA codes and a "LOCAL" placeholder that is left out.
        assertThat(colos.size()).isEqualTo(334);
    }
}
