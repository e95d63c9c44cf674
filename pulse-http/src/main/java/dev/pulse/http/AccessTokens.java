package dev.pulse.http;

import dev.pulse.domain.InvalidFieldException;
import dev.pulse.domain.security.Actor;
import dev.pulse.domain.security.ApiToken;
import dev.pulse.domain.security.ApiTokenStore;
import dev.pulse.domain.security.NotPermittedException;
import dev.pulse.domain.security.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The API tokens Pulse accepts: the admin token (all scopes, checked by the given predicate) and
 * scoped tokens issued here. An issued token is 32 random bytes, shown once; only its SHA-256 is
 * kept. Last use is recorded in memory at once and written to the store at most once a minute per
 * token. Thread-safe.
 */
public final class AccessTokens {

  private static final Duration LAST_USED_WRITE_EVERY = Duration.ofMinutes(1);
  private static final int MAX_NAME = 64;

  private final Predicate<String> admin;
  private final ApiTokenStore store;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, ApiToken> byHash = new LinkedHashMap<>();

  /** A token issued just now: {@code token} is shown this once and never again. */
  public record Issued(String token, ApiToken record) {}

  /** Who presented a token: {@code admin} for the admin token, else the issued token's name. */
  public record Caller(String name, Set<Scope> scopes) {}

  /** @param admin accepts the admin token, comparing in constant time */
  public AccessTokens(Predicate<String> admin, ApiTokenStore store, Clock clock) {
    this.admin = admin;
    this.store = store;
    this.clock = clock;
    store.load().forEach(t -> byHash.put(t.sha256(), t));
  }

  /**
   * Who a presented token belongs to and the scopes it grants, or empty when it is unknown, revoked
   * or expired.
   */
  public Optional<Caller> authenticate(String presented) {
    if (presented == null || presented.isBlank()) {
      return Optional.empty();
    }
    String token = presented.strip();
    if (admin.test(token)) {
      return Optional.of(new Caller("admin", Set.of(Scope.ALL)));
    }
    String hash = sha256(token);
    Instant now = clock.instant();
    synchronized (byHash) {
      ApiToken t = byHash.get(hash);
      if (t == null || t.expired(now)) {
        return Optional.empty();
      }
      boolean write = t.lastUsedAt() == null || Duration.between(t.lastUsedAt(), now).compareTo(LAST_USED_WRITE_EVERY) >= 0;
      if (write) {
        byHash.put(hash, t.usedAt(now));
        store.save(List.copyOf(byHash.values()));
      }
      return Optional.of(new Caller(t.name(), t.scopes()));
    }
  }

  /**
   * Issues a token that allows nothing its issuer lacks.
   *
   * @param lifetime how long it works, or {@code null} for until revoked
   * @throws InvalidFieldException naming {@code name} or {@code scopes}
   * @throws NotPermittedException naming {@code scopes} when one is beyond the actor's
   */
  public Issued issue(Actor actor, String name, Set<Scope> scopes, Duration lifetime) {
    if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
      throw new InvalidFieldException("name", "name is required, at most " + MAX_NAME + " characters");
    }
    if (scopes == null || scopes.isEmpty()) {
      throw new InvalidFieldException("scopes", "at least one scope is required");
    }
    actor.firstLacking(scopes).ifPresent(s -> {
      throw new NotPermittedException("scopes", "you cannot issue a token with " + s.wireName() + ": you lack it");
    });
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = "pulse_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    byte[] idBytes = new byte[6];
    random.nextBytes(idBytes);
    ApiToken record = new ApiToken(HexFormat.of().formatHex(idBytes), name.strip(), sha256(token),
        token.substring(token.length() - 4), scopes, now, lifetime == null ? null : now.plus(lifetime), null);
    synchronized (byHash) {
      byHash.put(record.sha256(), record);
      store.save(List.copyOf(byHash.values()));
    }
    return new Issued(token, record);
  }

  Clock clock() {
    return clock;
  }

  public List<ApiToken> list() {
    synchronized (byHash) {
      return new ArrayList<>(byHash.values());
    }
  }

  /**
   * Revokes a token at once; {@code false} when there is none with that id.
   *
   * @throws NotPermittedException naming {@code id} when the token holds a scope the actor lacks
   */
  public boolean revoke(Actor actor, String id) {
    synchronized (byHash) {
      byHash.values().stream().filter(t -> t.id().equals(id)).findFirst().flatMap(t -> actor.firstLacking(t.scopes()))
          .ifPresent(s -> {
            throw new NotPermittedException("id", "you cannot revoke a token that holds " + s.wireName() + ", which you lack");
          });
      boolean removed = byHash.values().removeIf(t -> t.id().equals(id));
      if (removed) {
        store.save(List.copyOf(byHash.values()));
      }
      return removed;
    }
  }

  /** The hex SHA-256 of a secret, as tokens and session cookies are kept. */
  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
