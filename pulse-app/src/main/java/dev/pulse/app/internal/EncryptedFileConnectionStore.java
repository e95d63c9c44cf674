package dev.pulse.app.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.connection.ConnectionConfig;
import dev.pulse.domain.connection.ConnectionStore;
import dev.pulse.domain.connection.ConnectionType;
import dev.pulse.domain.connection.SecretCipher;
import dev.pulse.domain.connection.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps connections in one encrypted file ({@code connections.enc}) of the data dir, secrets
 * included: nothing of it is readable without the key file. Writes are atomic. Until the SQLite
 * config store lands this is the only connection store. Thread-safe. Internal: not API.
 */
public final class EncryptedFileConnectionStore implements ConnectionStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final SecretCipher cipher;

  /** The stored form; version 1. */
  record StoredConnection(String id, String type, String name, String url, String tokenId, String tokenSecret,
      String fingerprint, boolean verifyTls) {}

  public EncryptedFileConnectionStore(Path file, SecretCipher cipher) {
    this.file = file;
    this.cipher = cipher;
  }

  @Override
  public synchronized List<ConnectionConfig> loadAll() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      byte[] plain = cipher.decrypt(Files.readAllBytes(file));
      List<StoredConnection> stored = JSON.readValue(plain, new TypeReference<List<StoredConnection>>() { });
      return stored.stream().map(EncryptedFileConnectionStore::toConfig).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public synchronized void saveAll(List<ConnectionConfig> connections) {
    try {
      byte[] plain = JSON.writeValueAsBytes(connections.stream().map(EncryptedFileConnectionStore::toStored).toList());
      DataFiles.writeOwnerOnly(file, cipher.encrypt(plain));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static StoredConnection toStored(ConnectionConfig c) {
    return new StoredConnection(c.id(), c.type().wireName(), c.name(), c.url().toString(), c.tokenId(),
        c.tokenSecret().reveal(), c.fingerprint(), c.verifyTls());
  }

  private static ConnectionConfig toConfig(StoredConnection s) {
    ConnectionType type = ConnectionType.fromWireName(s.type())
        .orElseThrow(() -> new IllegalStateException("stored connection " + s.id() + " has unknown type " + s.type()));
    return new ConnectionConfig(s.id(), type, s.name(), URI.create(s.url()), s.tokenId(), Secret.of(s.tokenSecret()),
        s.fingerprint(), s.verifyTls());
  }
}
