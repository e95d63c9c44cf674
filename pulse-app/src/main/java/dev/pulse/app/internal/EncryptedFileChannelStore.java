package dev.pulse.app.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.connection.SecretCipher;
import dev.pulse.domain.notify.Channel;
import dev.pulse.domain.notify.ChannelStore;
import dev.pulse.domain.notify.ChannelType;
import dev.pulse.domain.notify.QuietHours;
import dev.pulse.domain.alert.AlertCategory;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.stream.Collectors;
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

  private final EncryptedJsonFile<StoredChannel> file;

  /** The stored form. */
  record StoredChannel(String id, String name, String type, boolean enabled, Map<String, String> settings,
      Map<String, String> secrets, boolean allowPrivateAddresses, StoredQuiet quietHours, Integer maxPerHour,
      Integer groupSeconds) {}

  record StoredQuiet(String start, String end, String zone, List<String> categories, boolean criticalToo) {}

  public EncryptedFileChannelStore(Path file, SecretCipher cipher) {
    this.file = new EncryptedJsonFile<>(file, cipher, new TypeReference<List<StoredChannel>>() { });
  }

  @Override
  public synchronized List<Channel> load() {
    return file.read().stream().map(s -> {
      Map<String, Secret> secrets = new HashMap<>();
      (s.secrets() == null ? Map.<String, String>of() : s.secrets()).forEach((k, v) -> secrets.put(k, Secret.of(v)));
      StoredQuiet q = s.quietHours();
      QuietHours quiet = q == null ? null : new QuietHours(LocalTime.parse(q.start()), LocalTime.parse(q.end()), ZoneId.of(q.zone()),
          q.categories().stream().map(c -> AlertCategory.valueOf(c.toUpperCase(java.util.Locale.ROOT))).collect(Collectors.toSet()),
          q.criticalToo());
      return new Channel(s.id(), s.name(), ChannelType.fromWireName(s.type()).orElseThrow(), s.enabled(),
          s.settings() == null ? Map.of() : s.settings(), secrets, s.allowPrivateAddresses(), quiet,
          s.maxPerHour() == null ? 0 : s.maxPerHour(), s.groupSeconds() == null ? 0 : s.groupSeconds());
    }).toList();
  }

  @Override
  public synchronized void save(List<Channel> channels) {
    List<StoredChannel> stored = channels.stream().map(c -> {
      Map<String, String> secrets = new HashMap<>();
      c.secrets().forEach((k, v) -> secrets.put(k, v.reveal()));
      QuietHours q = c.quietHours();
      StoredQuiet quiet = q == null ? null : new StoredQuiet(q.start().toString(), q.end().toString(), q.zone().getId(),
          q.categories().stream().map(AlertCategory::wireName).sorted().toList(), q.criticalToo());
      return new StoredChannel(c.id(), c.name(), c.type().wireName(), c.enabled(), c.settings(), secrets, c.allowPrivateAddresses(),
          quiet, c.maxPerHour(), c.groupSeconds());
    }).toList();
    file.write(stored);
  }
}
