package dev.pulse.app.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.connection.SecretCipher;
import dev.pulse.domain.security.SsoProvider;
import dev.pulse.domain.security.SsoProviderStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the single sign-on providers in one encrypted file ({@code sso.enc}), client secrets
 * included. Writes are atomic. Thread-safe. Internal: not API.
 */
public final class EncryptedFileSsoStore implements SsoProviderStore {

  private final EncryptedJsonFile<Stored> file;

  record Stored(String id, String name, String type, boolean enabled, Map<String, String> settings, Map<String, String> secrets,
      Map<String, String> groupRoles, String defaultRole) {}

  public EncryptedFileSsoStore(Path file, SecretCipher cipher) {
    this.file = new EncryptedJsonFile<>(file, cipher, new TypeReference<List<Stored>>() { });
  }

  @Override
  public synchronized List<SsoProvider> load() {
    return file.read().stream().map(s -> {
      Map<String, Secret> secrets = new HashMap<>();
      s.secrets().forEach((k, v) -> secrets.put(k, Secret.of(v)));
      return new SsoProvider(s.id(), s.name(), s.type(), s.enabled(), s.settings(), secrets, s.groupRoles(), s.defaultRole());
    }).toList();
  }

  @Override
  public synchronized void save(List<SsoProvider> providers) {
    List<Stored> stored = providers.stream().map(p -> {
      Map<String, String> secrets = new HashMap<>();
      p.secrets().forEach((k, v) -> secrets.put(k, v.reveal()));
      return new Stored(p.id(), p.name(), p.type(), p.enabled(), p.settings(), secrets, p.groupRoles(), p.defaultRole());
    }).toList();
    file.write(stored);
  }
}
