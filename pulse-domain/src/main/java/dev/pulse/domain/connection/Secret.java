package dev.pulse.domain.connection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential that never shows itself by accident: {@link #toString()} is redacted, so a secret
 * that reaches a log line prints as {@code ****}. Call {@link #reveal()} only where the plain value
 * is sent to its vendor.
 */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    return new Secret(value);
  }

  public String reveal() {
    return value;
  }

  /** A hint safe to show: the last four characters of a long secret, nothing of a short one. */
  public String hint() {
    return value.length() >= 16 ? "…" + value.substring(value.length() - 4) : "****";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "****";
  }
}
