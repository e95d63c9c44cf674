package dev.pulse.domain.connection.tls;

import dev.pulse.domain.connection.CertificateFingerprint;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly the server certificates whose SHA-256 fingerprints were pinned (one per cluster
 * node, since each node has its own). Self-signed Proxmox certificates are the norm, so the pin
 * replaces both CA and hostname checks. With no pin (an empty set) it trusts any certificate: only
 * for connections the user marked "do not verify". Internal: not API.
 */
public final class PinnedTrustManager extends X509ExtendedTrustManager {

  private final Set<String> pinned;
  private final Consumer<X509Certificate[]> observer;

  /** @param pinned canonical fingerprints (64 lowercase hex); empty trusts anything */
  public PinnedTrustManager(Set<String> pinned) {
    this(pinned, chain -> { });
  }

  /** @param observer sees every chain a server presents, before it is checked */
  public PinnedTrustManager(Set<String> pinned, Consumer<X509Certificate[]> observer) {
    this.pinned = Set.copyOf(pinned);
    this.observer = observer;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    observer.accept(chain);
    if (pinned.isEmpty()) {
      return;
    }
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the server sent no certificate");
    }
    String actual = sha256(chain[0]);
    if (!pinned.contains(actual)) {
      throw new CertificateException("certificate fingerprint mismatch: the server presented "
          + CertificateFingerprint.display(actual) + ", which is not among the pinned fingerprints");
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

  public static String sha256(X509Certificate cert) throws CertificateException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new CertificateException("cannot fingerprint the server certificate", e);
    }
  }
}
