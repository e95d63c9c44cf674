package dev.pulse.adapters.agents.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where a cluster's API is and how to call it: its URL, a bearer token, and TLS that trusts the
 * cluster's CA. Made from the pod's service account when running in the cluster, or from a
 * kubeconfig's current context (token or token file; client certificates are not supported).
 *
 * @param name the cluster's name in the kubeconfig, or {@code null} in-cluster
 */
public record KubernetesAccess(URI server, String token, SSLContext tls, String name) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * The pod's own service account, when Kubernetes gave it one.
   *
   * @param serviceAccount usually {@code /var/run/secrets/kubernetes.io/serviceaccount}
   * @param host {@code KUBERNETES_SERVICE_HOST}, or {@code null} outside a cluster
   * @param port {@code KUBERNETES_SERVICE_PORT}
   */
  public static Optional<KubernetesAccess> inCluster(Path serviceAccount, String host, String port) throws IOException {
    Path token = serviceAccount.resolve("token");
    if (host == null || host.isBlank() || !Files.isReadable(token)) {
      return Optional.empty();
    }
    String authority = host.contains(":") ? "[" + host + "]" : host;
    URI server = URI.create("https://" + authority + ":" + (port == null || port.isBlank() ? "443" : port.strip()));
    return Optional.of(new KubernetesAccess(server, Files.readString(token).strip(),
        trusting(Files.readAllBytes(serviceAccount.resolve("ca.crt"))), null));
  }

  /** The kubeconfig's current context. */
  public static KubernetesAccess fromKubeconfig(Path kubeconfig) throws IOException {
    JsonNode config = YAML.readTree(kubeconfig.toFile());
    String current = config.path("current-context").asText("");
    JsonNode context = named(config.path("contexts"), current).path("context");
    if (context.isMissingNode()) {
      throw new IOException(kubeconfig + " has no current-context");
    }
    String clusterName = context.path("cluster").asText();
    JsonNode cluster = named(config.path("clusters"), clusterName).path("cluster");
    JsonNode user = named(config.path("users"), context.path("user").asText()).path("user");
    String token = user.path("token").asText(null);
    if (token == null && user.has("tokenFile")) {
      token = Files.readString(resolve(kubeconfig, user.path("tokenFile").asText())).strip();
    }
    if (token == null || token.isBlank()) {
      throw new IOException("the kubeconfig user of context " + current + " has no token (client certificates are not supported)");
    }
    byte[] ca = cluster.has("certificate-authority-data")
        ? Base64.getDecoder().decode(cluster.path("certificate-authority-data").asText().strip())
        : cluster.has("certificate-authority") ? Files.readAllBytes(resolve(kubeconfig, cluster.path("certificate-authority").asText()))
        : null;
    SSLContext tls;
    if (ca != null) {
      tls = trusting(ca);
    } else if (cluster.path("insecure-skip-tls-verify").asBoolean(false)) {
      throw new IOException("insecure-skip-tls-verify is not supported: give the cluster's certificate-authority");
    } else {
      try {
        tls = SSLContext.getDefault(); // a cluster whose certificate the JDK trusts
      } catch (GeneralSecurityException e) {
        throw new IOException(e);
      }
    }
    return new KubernetesAccess(URI.create(cluster.path("server").asText()), token, tls, clusterName);
  }

  private static JsonNode named(JsonNode list, String name) {
    for (JsonNode entry : list) {
      if (entry.path("name").asText().equals(name)) {
        return entry;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static Path resolve(Path kubeconfig, String file) {
    Path p = Path.of(file);
    return p.isAbsolute() ? p : kubeconfig.toAbsolutePath().getParent().resolve(p);
  }

  /** TLS that trusts exactly the CA certificates in this PEM. */
  static SSLContext trusting(byte[] pem) throws IOException {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
        store.setCertificateEntry("ca-" + i++, cert);
      }
      if (i == 0) {
        throw new IOException("no certificate in the cluster CA");
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, tmf.getTrustManagers(), null);
      return tls;
    } catch (GeneralSecurityException e) {
      throw new IOException("the cluster CA cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "KubernetesAccess[" + server + ", token ****]"; // never the token
  }
}
