package dev.pulse.domain.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Source keys safe in ids and URLs (letters, digits and {@code . _ @ -}, at most {@value #MAX}
 * characters), derived from whatever a platform calls a thing. A name that is already safe is kept
 * as it is, so ids stay stable; any other becomes its safe characters with every other one as
 * {@code _}, then {@code -} and the first 8 bytes of its SHA-256 in hex, so two names that differ
 * only in the characters replaced still get two keys.
 */
public final class SourceKeys {

  /** The longest key. */
  public static final int MAX = 200;
  private static final int KEPT = 100;

  private SourceKeys() {}

  /** Whether {@code key} is a safe key as it is; checked by hand, since it runs for every resource on every poll. */
  public static boolean isSafe(String key) {
    if (key.isEmpty() || key.length() > MAX) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (!safe(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A safe key for any name behind a short, safe prefix such as {@code pod-}: the two joined when
   * that is safe.
   */
  public static String of(String prefix, String name) {
    String joined = prefix + name;
    if (isSafe(joined)) {
      return joined;
    }
    StringBuilder out = new StringBuilder(prefix.length() + KEPT + 17).append(prefix);
    for (int i = 0; i < name.length() && out.length() < prefix.length() + KEPT; i++) {
      char c = name.charAt(i);
      out.append(safe(c) ? c : '_');
    }
    return out.append('-').append(digest(name)).toString();
  }

  private static boolean safe(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '@'
        || c == '-';
  }

  private static String digest(String name) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
