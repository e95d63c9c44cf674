package dev.pulse.adapters.sqlite.internal;

import java.util.Arrays;

/** Writes bits, most significant first, into a growing byte array. Internal: not API. */
final class BitOutput {

  private byte[] bytes = new byte[256];
  private long bits;

  /** Writes the low {@code n} bits of {@code value} (n ≤ 64), highest first. */
  void write(long value, int n) {
    while (n > 0) {
      int index = (int) (bits >>> 3);
      if (index >= bytes.length) {
        bytes = Arrays.copyOf(bytes, bytes.length * 2);
      }
      int used = (int) (bits & 7);
      int free = 8 - used;
      int take = Math.min(free, n);
      int chunk = (int) ((value >>> (n - take)) & ((1L << take) - 1));
      bytes[index] |= (byte) (chunk << (free - take));
      bits += take;
      n -= take;
    }
  }

  void bit(boolean one) {
    write(one ? 1 : 0, 1);
  }

  /** {@code count} one bits followed by a zero: unary. */
  void unary(int count) {
    while (count >= 32) {
      write(0xFFFF_FFFFL, 32);
      count -= 32;
    }
    write(((1L << count) - 1) << 1, count + 1);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, (int) ((bits + 7) >>> 3));
  }
}
