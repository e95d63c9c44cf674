package dev.pulse.app.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.connection.SecretCipher;
import dev.pulse.domain.notify.Channel;
import dev.pulse.domain.notify.ChannelStore;
import dev.pulse.domain.notify.ChannelType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the notification channels in one encrypted file ({@code channels.enc}) of the data dir,
 * their secrets (SMTP passwords, bot tokens, routing keys, HMAC secrets) included: nothing of it is
 * readable without the key file. Writes are atomic. Thread-safe. Internal: not API.
 */
public final class EncryptedFileChannelStore implements ChannelStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final SecretCipher cipher;

  /** The stored form. */
  record StoredChannel(String id, String name, String type, boolean enabled, Map<String, String> settings,
      Map<String, String> secrets, boolean allowPrivateAddresses) {}

  public EncryptedFileChannelStore(Path file, SecretCipher cipher) {
    this.file = file;
    this.cipher = cipher;
  }

  @Override
  public synchronized List<Channel> load() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<StoredChannel> stored = JSON.readValue(cipher.decrypt(Files.readAllBytes(file)), new TypeReference<List<StoredChannel>>() { });
      return stored.stream().map(s -> {
        Map<String, Secret> secrets = new HashMap<>();
        (s.secrets() == null ? Map.<String, String>of() : s.secrets()).forEach((k, v) -> secrets.put(k, Secret.of(v)));
        return new Channel(s.id(), s.name(), ChannelType.fromWireName(s.type()).orElseThrow(), s.enabled(),
            s.settings() == null ? Map.of() : s.settings(), secrets, s.allowPrivateAddresses());
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  @Override
  public synchronized void save(List<Channel> channels) {
    List<StoredChannel> stored = channels.stream().map(c -> {
      Map<String, String> secrets = new HashMap<>();
      c.secrets().forEach((k, v) -> secrets.put(k, v.reveal()));
      return new StoredChannel(c.id(), c.name(), c.type().wireName(), c.enabled(), c.settings(), secrets, c.allowPrivateAddresses());
    }).toList();
    try {
      DataFiles.writeOwnerOnly(file, cipher.encrypt(JSON.writeValueAsBytes(stored)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
