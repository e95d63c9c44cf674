package dev.pulse.adapters.agents.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class QuantitiesTest {

  @Test
  void cpuQuantitiesInEverySuffixBecomeMillicores() {
    assertEquals(8000L, Quantities.milliCores("8"));
    assertEquals(7800L, Quantities.milliCores("7800m"));
    assertEquals(1235L, Quantities.milliCores("1234567890n"), "nanocores, rounded");
    assertEquals(250L, Quantities.milliCores("250000u"));
    assertEquals(500L, Quantities.milliCores("0.5"));
  }

  @Test
  void memoryQuantitiesUseBinaryAndDecimalSuffixes() {
    assertEquals(32863620L * 1024, Quantities.bytes("32863620Ki"));
    assertEquals(256L << 20, Quantities.bytes("256Mi"));
    assertEquals(3L << 29, Quantities.bytes("1.5Gi"));
    assertEquals(129_000_000L, Quantities.bytes("129M"));
    assertEquals(129_000_000L, Quantities.bytes("129e6"));
    assertEquals(94580335255L, Quantities.bytes("94580335255"));
  }

  @Test
  void textThatIsNotAQuantityIsUnknown() {
    assertNull(Quantities.bytes("lots"));
    assertNull(Quantities.bytes("12Xi"));
    assertNull(Quantities.milliCores(null));
  }
}
