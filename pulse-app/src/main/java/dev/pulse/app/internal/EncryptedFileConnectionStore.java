package dev.pulse.app.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionStore;
import dev.pulse.domain.connection.ConnectionType;
import dev.pulse.domain.connection.Credentials;
import dev.pulse.domain.connection.PollIntervals;
import dev.pulse.domain.connection.SecretCipher;
import dev.pulse.domain.connection.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps connections in one encrypted file ({@code connections.enc}) of the data dir, secrets
 * included: nothing of it is readable without the key file. Writes are atomic. Until the SQLite
 * config store lands this is the only connection store. Thread-safe. Internal: not API.
 */
public final class EncryptedFileConnectionStore implements ConnectionStore {

  private final EncryptedJsonFile<StoredConnection> file;

  /**
   * The stored form. Version 1 had one {@code url} and one {@code fingerprint}, and tokens only;
   * such files still load.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StoredConnection(String id, String type, String name, String url, List<String> endpoints, String tokenId,
      String tokenSecret, String username, String password, String fingerprint, List<String> fingerprints,
      boolean verifyTls, Long fastSeconds, Long slowSeconds, Long disksSeconds, String apiKey, Boolean allowInsecureTransport) {}

  public EncryptedFileConnectionStore(Path file, SecretCipher cipher) {
    this.file = new EncryptedJsonFile<>(file, cipher, new TypeReference<List<StoredConnection>>() { });
  }

  @Override
  public synchronized List<ConnectionConfig> loadAll() {
    return file.read().stream().map(EncryptedFileConnectionStore::toConfig).toList();
  }

  @Override
  public synchronized void saveAll(List<ConnectionConfig> connections) {
    file.write(connections.stream().map(EncryptedFileConnectionStore::toStored).toList());
  }

  private static StoredConnection toStored(ConnectionConfig c) {
    List<String> endpoints = c.endpoints().stream().map(URI::toString).toList();
    List<String> fingerprints = List.copyOf(new TreeSet<>(c.fingerprints()));
    Long fast = seconds(c.intervals().fast());
    Long slow = seconds(c.intervals().slow());
    Long disks = seconds(c.intervals().disks());
    if (c.credentials() instanceof Credentials.UserPassword up) {
      return new StoredConnection(c.id(), c.type().wireName(), c.name(), null, endpoints, null, null,
          up.username(), up.password().reveal(), null, fingerprints, c.verifyTls(), fast, slow, disks, null, null);
    }
    if (c.credentials() instanceof Credentials.ApiKey key) {
      return new StoredConnection(c.id(), c.type().wireName(), c.name(), null, endpoints, null, null,
          null, null, null, fingerprints, c.verifyTls(), fast, slow, disks, key.key().reveal(), key.allowInsecureTransport());
    }
    Credentials.ApiToken token = (Credentials.ApiToken) c.credentials();
    return new StoredConnection(c.id(), c.type().wireName(), c.name(), null, endpoints,
        token.tokenId(), token.secret().reveal(), null, null, null, fingerprints, c.verifyTls(), fast, slow, disks, null, null);
  }

  private static ConnectionConfig toConfig(StoredConnection s) {
    ConnectionType type = ConnectionType.fromWireName(s.type())
        .orElseThrow(() -> new IllegalStateException("stored connection " + s.id() + " has unknown type " + s.type()));
    List<URI> endpoints = s.endpoints() != null ? s.endpoints().stream().map(URI::create).toList() : List.of(URI.create(s.url()));
    Set<String> fingerprints = new TreeSet<>();
    if (s.fingerprints() != null) {
      fingerprints.addAll(s.fingerprints());
    }
    if (s.fingerprint() != null) {
      fingerprints.add(s.fingerprint());
    }
    Credentials credentials = s.apiKey() != null ? new Credentials.ApiKey(Secret.of(s.apiKey()), Boolean.TRUE.equals(s.allowInsecureTransport()))
        : s.username() != null ? new Credentials.UserPassword(s.username(), Secret.of(s.password()))
        : new Credentials.ApiToken(s.tokenId(), Secret.of(s.tokenSecret()));
    PollIntervals intervals = new PollIntervals(duration(s.fastSeconds()), duration(s.slowSeconds()), duration(s.disksSeconds()));
    return new ConnectionConfig(s.id(), type, s.name(), endpoints, credentials, fingerprints, s.verifyTls(), intervals);
  }

  private static Long seconds(Duration d) {
    return d == null ? null : d.toSeconds();
  }

  private static Duration duration(Long seconds) {
    return seconds == null ? null : Duration.ofSeconds(seconds);
  }
}
