package dev.pulse.adapters.proxmox.internal;

import dev.pulse.domain.connection.CertificateFingerprint;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate: the leaf whose SHA-256 fingerprint was pinned. Self-signed
 * Proxmox certificates are the norm, so the pin replaces both CA and hostname checks. With no pin
 * ({@code null}) it trusts any certificate: only for connections the user marked "do not verify".
 * Internal: not API.
 */
public final class PinnedTrustManager extends X509ExtendedTrustManager {

  private final String pinned;

  /** @param pinned canonical fingerprint (64 lowercase hex), or {@code null} to trust anything */
  public PinnedTrustManager(String pinned) {
    this.pinned = pinned;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    if (pinned == null) {
      return;
    }
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the server sent no certificate");
    }
    String actual = sha256(chain[0]);
    if (!actual.equals(pinned)) {
      throw new CertificateException("certificate fingerprint mismatch: the server presented "
          + CertificateFingerprint.display(actual) + " but " + CertificateFingerprint.display(pinned) + " is pinned");
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("client certificates are not accepted");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }

  static String sha256(X509Certificate cert) throws CertificateException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new CertificateException("cannot fingerprint the server certificate", e);
    }
  }
}
