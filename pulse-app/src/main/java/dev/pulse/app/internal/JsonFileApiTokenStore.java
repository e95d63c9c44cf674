package dev.pulse.app.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.security.ApiToken;
import dev.pulse.domain.security.ApiTokenStore;
import dev.pulse.domain.security.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/**
 * Keeps issued API tokens in {@code api-tokens.json} in the data dir, owner-only. It holds each
 * token's SHA-256, never the token: 32 random bytes cannot be found again from their hash.
 * Internal: not API.
 */
public final class JsonFileApiTokenStore implements ApiTokenStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  public JsonFileApiTokenStore(Path file) {
    this.file = file;
  }

  /** The file's form of one token. */
  record Stored(String id, String name, String sha256, String hint, List<String> scopes, String createdAt, String expiresAt,
      String lastUsedAt) {}

  @Override
  public synchronized List<ApiToken> load() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<Stored> stored = JSON.readValue(file.toFile(), new TypeReference<List<Stored>>() {});
      return stored.stream().map(s -> {
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        s.scopes().forEach(name -> Scope.fromWireName(name).ifPresent(scopes::add)); // a scope no longer known grants nothing
        return new ApiToken(s.id(), s.name(), s.sha256(), s.hint(), scopes, Instant.parse(s.createdAt()), instant(s.expiresAt()),
            instant(s.lastUsedAt()));
      }).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void save(List<ApiToken> tokens) {
    List<Stored> stored = tokens.stream().map(t -> new Stored(t.id(), t.name(), t.sha256(), t.hint(),
        t.scopes().stream().sorted().map(Scope::wireName).toList(), t.createdAt().toString(), text(t.expiresAt()),
        text(t.lastUsedAt()))).toList();
    try {
      DataFiles.writeOwnerOnly(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
