package dev.pulse.bench;

import java.util.Random;

/**
 * Realistic metric series for the history benchmark, each at its resolution: noisy CPU % at 0.01,
 * memory bytes as a random walk in 4 KiB pages, heavy-tailed network rates in whole bytes/s, disk
 * usage growing slowly, temperatures at 0.1 °C, and a status that rarely changes.
 */
final class HistorySeriesMix {

  static final String[] KINDS = {"cpu", "memory", "net_in", "disk_used", "temperature", "status"};

  private final int kind;
  private final Random random;
  private double value;
  private double level;

  HistorySeriesMix(int index, long seed) {
    this.kind = index % KINDS.length;
    this.random = new Random(seed * 31 + index);
    this.level = 10 + random.nextDouble() * 60;
    this.value = switch (kind) {
      case 1 -> (2L + random.nextInt(30)) * (1L << 30);
      case 3 -> (50L + random.nextInt(500)) * (1L << 30);
      case 4 -> 35 + random.nextInt(20);
      default -> 0;
    };
  }

  String metric() {
    return KINDS[kind];
  }

  double next() {
    switch (kind) {
      case 0 -> { // CPU: a drifting level plus noise, at 0.01 %
        level = Math.max(2, Math.min(95, level + random.nextGaussian() * 0.5));
        value = Math.round(Math.max(0, Math.min(100, level + random.nextGaussian() * 4)) * 100) / 100.0;
      }
      case 1 -> value = Math.max(1L << 28, value + Math.round(random.nextGaussian() * 512) * 4096.0); // pages
      case 2 -> value = Math.floor(Math.exp(8 + random.nextGaussian() * 2.5)); // log-normal: mostly KB/s, bursts of MB/s
      case 3 -> { // a few writes, now and then a clean-up
        if (random.nextInt(10) == 0) {
          value += 4096.0 * random.nextInt(64);
        }
        if (random.nextInt(50_000) == 0) {
          value -= Math.floor(value * 0.05 / 4096) * 4096;
        }
      }
      case 4 -> value = Math.round((value + (random.nextInt(5) - 2) * 0.1 + (45 - value) * 0.01) * 10) / 10.0;
      default -> { // status: online, now and then something else for a while
        if (random.nextInt(2_000) == 0) {
          value = value == 0 ? 1 + random.nextInt(2) : 0;
        }
      }
    }
    return value;
  }
}
