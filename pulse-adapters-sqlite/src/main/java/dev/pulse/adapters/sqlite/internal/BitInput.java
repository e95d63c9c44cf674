package dev.pulse.adapters.sqlite.internal;

/**
 * Reads what {@link BitOutput} wrote, through a 64-bit buffer refilled a byte at a time. Reading
 * past the end fails rather than inventing zeros. Internal: not API.
 */
final class BitInput {

  private final byte[] bytes;
  private int next;
  private long buffer;
  private int available;

  BitInput(byte[] bytes, int offsetBytes) {
    this.bytes = bytes;
    this.next = offsetBytes;
  }

  /** Reads {@code n} bits (0 ≤ n ≤ 64), highest first. */
  long read(int n) {
    if (n > 56) {
      long high = read(n - 32);
      return (high << 32) | read(32);
    }
    if (n == 0) {
      return 0;
    }
    fill(n);
    available -= n;
    return (buffer >>> available) & (-1L >>> (64 - n));
  }

  boolean bit() {
    return read(1) == 1;
  }

  /** Counts one bits up to the next zero (which is consumed), or up to {@code limit} ones. */
  int unary(int limit) {
    int count = 0;
    while (count < limit) {
      if (available == 0) {
        fill(1);
      }
      long window = buffer << (64 - available); // the unread bits, left-aligned
      int ones = Math.min(Long.numberOfLeadingZeros(~window), available);
      if (count + ones >= limit) {
        available -= limit - count;
        return limit;
      }
      if (ones < available) {
        available -= ones + 1;
        return count + ones;
      }
      count += ones;
      available = 0;
    }
    return count;
  }

  private void fill(int n) {
    while (available < n) {
      if (next >= bytes.length) {
        throw new IllegalStateException("a history chunk ended early: it is damaged");
      }
      buffer = (buffer << 8) | (bytes[next++] & 0xFF);
      available += 8;
    }
    // keep whole bytes topping up while there is room, so that short reads rarely come back here
    while (available <= 56 && next < bytes.length) {
      buffer = (buffer << 8) | (bytes[next++] & 0xFF);
      available += 8;
    }
  }
}
