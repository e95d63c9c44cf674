package dev.pulse.domain.connection;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A SHA-256 certificate fingerprint in its canonical form: 64 lowercase hex digits. Proxmox shows
 * fingerprints as uppercase colon-separated pairs; colons, case and a {@code SHA256:} prefix are
 * ignored.
 */
public final class CertificateFingerprint {

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  private CertificateFingerprint() {}

  /** The canonical form, or empty when the text is not a SHA-256 fingerprint. */
  public static Optional<String> normalize(String text) {
    String s = text.trim();
    if (s.regionMatches(true, 0, "sha256:", 0, 7)) {
      s = s.substring(7);
    }
    s = s.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
    return HEX64.matcher(s).matches() ? Optional.of(s) : Optional.empty();
  }

  /** The colon-separated uppercase form Proxmox displays. */
  public static String display(String canonical) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < canonical.length(); i += 2) {
      if (i > 0) {
        out.append(':');
      }
      out.append(canonical, i, i + 2);
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }
}
