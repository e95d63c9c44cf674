package dev.pulse.domain.connection.tls;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** Builds the TLS context a connection's settings ask for. Internal: not API. */
public final class TlsTrust {

  private TlsTrust() {}

  /**
   * @param fingerprints canonical SHA-256 fingerprints to pin; empty pins none
   * @param verifyTls with no pin: verify against the JDK trust store, or trust anything
   * @return the context: the JDK's default (verified against its trust store) when nothing is pinned
   *     and verification is on
   */
  public static SSLContext context(Set<String> fingerprints, boolean verifyTls) {
    if (fingerprints.isEmpty() && verifyTls) {
      try {
        return SSLContext.getDefault();
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK has no default TLS context", e);
      }
    }
    return withTrustManager(new PinnedTrustManager(fingerprints));
  }

  public static SSLContext withTrustManager(TrustManager trustManager) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available", e);
    }
  }
}
