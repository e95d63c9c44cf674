package dev.pulse.domain.connection.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Opens a TLS connection to an endpoint only to see its certificate, sending nothing, so that a
 * user can confirm the fingerprint before trusting it (trust on first use). Internal: not API.
 */
public final class CertificateProbe {

  /** The presented leaf certificate's fingerprint (canonical), and whether the JDK trust store accepts the chain. */
  public record Presented(String fingerprint, boolean trustedByJdk) {}

  private CertificateProbe() {}

  public static Presented probe(URI endpoint, Duration timeout) throws IOException {
    AtomicReference<X509Certificate[]> seen = new AtomicReference<>();
    PinnedTrustManager recordAll = new PinnedTrustManager(Set.of(), seen::set);
    int port = endpoint.getPort() == -1 ? 443 : endpoint.getPort();
    try (SSLSocket socket = (SSLSocket) TlsTrust.withTrustManager(recordAll).getSocketFactory().createSocket()) {
      socket.connect(new InetSocketAddress(endpoint.getHost(), port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      socket.startHandshake();
    }
    X509Certificate[] chain = seen.get();
    if (chain == null || chain.length == 0) {
      throw new IOException("the server presented no certificate");
    }
    try {
      return new Presented(PinnedTrustManager.sha256(chain[0]), jdkTrusts(chain));
    } catch (CertificateException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static boolean jdkTrusts(X509Certificate[] chain) {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init((KeyStore) null);
      for (var tm : factory.getTrustManagers()) {
        if (tm instanceof X509TrustManager x509) {
          x509.checkServerTrusted(chain, chain[0].getPublicKey().getAlgorithm().equals("EC") ? "ECDHE_ECDSA" : "ECDHE_RSA");
          return true;
        }
      }
      return false;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
