package dev.pulse.adapters.agents.kubernetes;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities: CPU as {@code 2}, {@code 7800m}, {@code 137m}, {@code
 * 1234567890n} or {@code 250u}; memory as bytes, {@code Ki|Mi|Gi|Ti|Pi} (powers of 1024), {@code
 * k|M|G|T|P} (powers of 1000), decimals such as {@code 1.5Gi}, or exponents such as {@code 129e6}.
 * Pure.
 */
final class Quantities {

  private static final Pattern QUANTITY = Pattern.compile("([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)");

  private Quantities() {}

  /** CPU in millicores, or {@code null} when the text is not a quantity. */
  static Long milliCores(String text) {
    BigDecimal v = value(text);
    return v == null ? null : v.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
  }

  /** A quantity in its base unit (bytes, cores), or {@code null} when the text is not one. */
  static Long bytes(String text) {
    BigDecimal v = value(text);
    return v == null ? null : v.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
  }

  private static BigDecimal value(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = QUANTITY.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(m.group(1));
    } catch (NumberFormatException e) {
      return null;
    }
    BigDecimal factor = switch (m.group(2)) {
      case "" -> BigDecimal.ONE;
      case "n" -> new BigDecimal("1e-9");
      case "u" -> new BigDecimal("1e-6");
      case "m" -> new BigDecimal("1e-3");
      case "k" -> new BigDecimal("1e3");
      case "M" -> new BigDecimal("1e6");
      case "G" -> new BigDecimal("1e9");
      case "T" -> new BigDecimal("1e12");
      case "P" -> new BigDecimal("1e15");
      case "Ki" -> BigDecimal.valueOf(1L << 10);
      case "Mi" -> BigDecimal.valueOf(1L << 20);
      case "Gi" -> BigDecimal.valueOf(1L << 30);
      case "Ti" -> BigDecimal.valueOf(1L << 40);
      case "Pi" -> BigDecimal.valueOf(1L << 50);
      default -> null;
    };
    return factor == null ? null : number.multiply(factor);
  }
}
