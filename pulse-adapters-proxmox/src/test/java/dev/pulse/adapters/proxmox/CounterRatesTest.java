package dev.pulse.adapters.proxmox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pulse.adapters.proxmox.internal.CounterRates;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CounterRatesTest {

  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void theRateIsTheCountersGrowthOverTheTimeBetweenSamples() {
    CounterRates rates = new CounterRates("proxmox");
    assertNull(rates.rate("k", 1000L, 10L, T0));
    assertEquals(50.0, rates.rate("k", 1500L, 20L, T0.plusSeconds(10)).bytesPerSecond());
  }

  @Test
  void aCounterThatWentDownGivesNoRateRatherThanANegativeOne() {
    CounterRates rates = new CounterRates("proxmox");
    rates.rate("k", 5000L, 100L, T0);
    assertNull(rates.rate("k", 100L, 110L, T0.plusSeconds(10)));
    assertEquals(10.0, rates.rate("k", 200L, 120L, T0.plusSeconds(20)).bytesPerSecond(), "counting resumes from the reset");
  }

  @Test
  void aRestartSeenInTheUptimeGivesNoRateEvenIfTheCounterGrew() {
    CounterRates rates = new CounterRates("proxmox");
    rates.rate("k", 5000L, 1000L, T0);
    assertNull(rates.rate("k", 9000L, 5L, T0.plusSeconds(10)));
  }

  @Test
  void aMissingCounterOrNoElapsedTimeGivesNoRate() {
    CounterRates rates = new CounterRates("proxmox");
    rates.rate("k", 5000L, 10L, T0);
    assertNull(rates.rate("k", 6000L, 10L, T0));
    assertNull(rates.rate("k", null, 10L, T0.plusSeconds(5)));
    assertNull(rates.rate("k", 7000L, 15L, T0.plusSeconds(10)), "after a gap the next sample starts afresh");
  }

  @Test
  void countersOfVanishedGuestsAreForgotten() {
    CounterRates rates = new CounterRates("proxmox");
    rates.rate("qemu-1/netin", 10L, 1L, T0);
    rates.retainOnly(Set.of("qemu-2/"));
    assertNull(rates.rate("qemu-1/netin", 20L, 2L, T0.plusSeconds(1)));
  }
}
