package dev.pulse.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seal that chains audit entries: HMAC-SHA256, under a key only Pulse holds, of the previous
 * entry's seal and this entry's fields (each length-prefixed, so no two entries encode alike).
 * Changing an entry breaks its seal; removing one breaks the numbering and the next seal.
 */
public final class AuditChain {

  /** Where a chain starts: the seal of the entry before the first one kept (zero and empty at first). */
  public record Anchor(long seq, String mac) {
    public static final Anchor GENESIS = new Anchor(0, "");
  }

  /**
   * What checking the chain found.
   *
   * @param brokenAt the first entry that is changed or missing, or {@code null} when all is well
   */
  public record Verification(boolean ok, long checked, Long brokenAt, String reason) {}

  private final SecretKeySpec key;

  public AuditChain(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("the audit key must be at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  public String seal(String previousMac, long seq, AuditEvent e) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      StringBuilder b = new StringBuilder();
      for (String field : new String[] {previousMac, Long.toString(seq), Long.toString(e.at().toEpochMilli()), e.actor(),
          e.action(), e.target(), e.address(), e.outcome(), e.detail()}) {
        b.append(field.length()).append(':').append(field).append(';');
      }
      return HexFormat.of().formatHex(mac.doFinal(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
    }
  }

  /**
   * Checks entries in order from the anchor.
   *
   * @param lastSeq the number of the newest entry written, when known, so that removing the newest
   *     entries shows too; {@code null} when unknown
   */
  public Verification verify(Anchor anchor, Iterator<AuditEntry> entries, Long lastSeq) {
    long expected = anchor.seq() + 1;
    String previous = anchor.mac();
    long checked = 0;
    while (entries.hasNext()) {
      AuditEntry e = entries.next();
      if (e.seq() != expected) {
        return new Verification(false, checked, expected, "entry " + expected + " is missing");
      }
      if (!seal(previous, e.seq(), e.event()).equals(e.mac())) {
        return new Verification(false, checked, e.seq(), "entry " + e.seq() + " was changed");
      }
      previous = e.mac();
      expected++;
      checked++;
    }
    if (lastSeq != null && expected - 1 < lastSeq) {
      return new Verification(false, checked, expected, "entries " + expected + " to " + lastSeq + " are missing");
    }
    return new Verification(true, checked, null, null);
  }
}
