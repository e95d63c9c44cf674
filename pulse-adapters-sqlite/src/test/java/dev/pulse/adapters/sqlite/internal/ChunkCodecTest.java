package dev.pulse.adapters.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The chunk format round-trips every bit, over random series of every shape the store meets. */
class ChunkCodecTest {

  private static double value(Random r, int shape, double previous) {
    return switch (shape) {
      case 0 -> Math.round(r.nextDouble() * 10_000) / 100.0; // CPU % at 0.01
      case 1 -> previous + (r.nextInt(2001) - 1000) * 4096.0; // memory in pages
      case 2 -> Math.floor(Math.exp(r.nextGaussian() * 3 + 8)); // heavy-tailed rate
      case 3 -> Math.round((previous + r.nextDouble() * 0.3) * 10) / 10.0; // temperature at 0.1
      case 4 -> r.nextDouble() * 1e6 - 5e5; // arbitrary doubles
      case 5 -> switch (r.nextInt(8)) { // the awkward ones
        case 0 -> Double.NaN;
        case 1 -> Double.POSITIVE_INFINITY;
        case 2 -> -0.0;
        case 3 -> Double.MAX_VALUE;
        case 4 -> Double.MIN_VALUE;
        case 5 -> Double.longBitsToDouble(0x7ff8_0000_dead_beefL); // a NaN with a payload
        default -> r.nextGaussian();
      };
      default -> r.nextInt(20) == 0 ? r.nextInt(3) : previous; // a rarely changing status
    };
  }

  private static void assertRoundTrip(PointBuffer in) {
    PointBuffer out = ChunkCodec.decode(ChunkCodec.encode(in), in.windowStart);
    assertEquals(in.size(), out.size());
    assertEquals(in.raw, out.raw);
    for (int i = 0; i < in.size(); i++) {
      assertEquals(in.at(i), out.at(i), "time " + i);
      assertEquals(Double.doubleToRawLongBits(in.min(i)), Double.doubleToRawLongBits(out.min(i)), "value " + i + ": " + in.min(i));
      assertEquals(Double.doubleToRawLongBits(in.max(i)), Double.doubleToRawLongBits(out.max(i)), "max " + i);
      assertEquals(Double.doubleToRawLongBits(in.sum(i)), Double.doubleToRawLongBits(out.sum(i)), "sum " + i);
      assertEquals(in.count(i), out.count(i), "count " + i);
    }
  }

  @RepeatedTest(300)
  void randomRawSeriesWithGapsJitterNanAndDisorderRoundTripBitForBit(RepetitionInfo info) {
    Random r = new Random(info.getCurrentRepetition());
    int shape = r.nextInt(7);
    int n = 1 + r.nextInt(r.nextBoolean() ? 10 : 800);
    PointBuffer raw = new PointBuffer(true, 1_700_000_000L, 4);
    long t = 1_700_000_000L + r.nextInt(100);
    double v = r.nextDouble() * 1e9;
    for (int i = 0; i < n; i++) {
      v = value(r, shape, v);
      raw.add(t, v);
      int gap = r.nextInt(50);
      t += gap == 0 ? 3_600 + r.nextInt(90_000) : gap == 1 ? -r.nextInt(30) : 10 + (r.nextInt(10) == 0 ? r.nextInt(3) - 1 : 0);
    }
    assertRoundTrip(raw);
  }

  @RepeatedTest(100)
  void randomRollupPointsRoundTripBitForBit(RepetitionInfo info) {
    Random r = new Random(10_000 + info.getCurrentRepetition());
    int shape = r.nextInt(7);
    PointBuffer rollup = new PointBuffer(false, 1_700_000_000L, 4);
    double v = 50;
    for (int i = 0; i < 1 + r.nextInt(1_500); i++) {
      double a = value(r, shape, v);
      double b = value(r, shape, a);
      v = b;
      rollup.add(1_700_000_000L + i * 60L, Math.min(a, b), Math.max(a, b), a + b + value(r, shape, b), 1 + r.nextInt(7));
    }
    assertRoundTrip(rollup);
  }

  @Test
  void anEmptyChunkRoundTrips() {
    assertRoundTrip(new PointBuffer(true, 0, 1));
    assertRoundTrip(new PointBuffer(false, 0, 1));
  }

  @Test
  void regularSamplesAtTheirResolutionCostAFewBitsEach() {
    Random r = new Random(7);
    PointBuffer temps = new PointBuffer(true, 0, 720);
    double v = 40;
    for (int i = 0; i < 720; i++) {
      v = Math.round((v + (r.nextInt(3) - 1) * 0.1) * 10) / 10.0;
      temps.add(1_700_000_000L + i * 10L, v);
    }
    int bytes = ChunkCodec.encode(temps).length;
    assertTrue(bytes < 720 * 0.5, "a temperature wandering by 0.1 °C every 10 s: " + bytes + " bytes for 720 samples");
  }
}
