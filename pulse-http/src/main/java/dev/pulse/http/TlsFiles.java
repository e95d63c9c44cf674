package dev.pulse.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * HTTPS from PEM files: a certificate chain (leaf first) and its unencrypted PKCS#8 private key
 * (RSA, EC or Ed25519), as Let's Encrypt, mkcert and most tools write them.
 */
public record TlsFiles(Path certificate, Path privateKey) {

  public TlsFiles {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
  }

  /**
   * Reads both into an in-memory key store under the alias {@code pulse} with an empty password.
   *
   * @throws IllegalArgumentException naming the file that cannot be used, and why
   */
  public KeyStore keyStore() {
    List<Certificate> chain;
    try {
      chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(
          new ByteArrayInputStream(Files.readAllBytes(certificate))));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(certificate + " is not a readable PEM certificate chain: " + e.getMessage());
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException(certificate + " holds no certificate");
    }
    PrivateKey key = key();
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("pulse", key, new char[0], chain.toArray(Certificate[]::new));
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(privateKey + " does not go with " + certificate + ": " + e.getMessage());
    }
  }

  private PrivateKey key() {
    String pem;
    try {
      pem = Files.readString(privateKey, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException(privateKey + " cannot be read: " + e.getMessage());
    }
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY") || pem.contains("ENCRYPTED")) {
      throw new IllegalArgumentException(privateKey + " must be an unencrypted PKCS#8 key (BEGIN PRIVATE KEY): convert it with "
          + "openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
    }
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(privateKey + " holds no PEM private key (BEGIN PRIVATE KEY)");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + 27, end));
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next kind
      }
    }
    throw new IllegalArgumentException(privateKey + " is not an RSA, EC or Ed25519 key");
  }
}
