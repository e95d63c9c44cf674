package dev.pulse.simulators.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.HexFormat;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The simulators' self-signed certificate (CN=pulse-simulator, SAN localhost, 127.0.0.1, ::1),
 * shipped as a PKCS12 resource. Internal: not API.
 */
public final class SimulatorTls {

  private static final char[] PASSWORD = "simulator".toCharArray();

  private final SSLContext context;
  private final String fingerprint;
  private final String pem;

  private SimulatorTls(SSLContext context, String fingerprint, String pem) {
    this.context = context;
    this.fingerprint = fingerprint;
    this.pem = pem;
  }

  public static SimulatorTls load() {
    try (InputStream in = SimulatorTls.class.getResourceAsStream("/dev/pulse/simulators/simulator.p12")) {
      if (in == null) {
        throw new IllegalStateException("simulator.p12 is missing from the classpath");
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD);
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(store, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      Certificate cert = store.getCertificate("simulator");
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      String pem = "-----BEGIN CERTIFICATE-----\n"
          + java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
      return new SimulatorTls(context, HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest), pem);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the simulator certificate", e);
    }
  }

  public SSLContext context() {
    return context;
  }

  /** The certificate in PEM form, for clients that trust a CA file (Kubernetes' ca.crt). */
  public String pem() {
    return pem;
  }

  /** SHA-256 of the certificate, uppercase colon-separated, as Proxmox shows fingerprints. */
  public String fingerprint() {
    return fingerprint;
  }
}
