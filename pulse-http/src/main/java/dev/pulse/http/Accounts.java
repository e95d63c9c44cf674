package dev.pulse.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.pulse.domain.InvalidFieldException;
import dev.pulse.domain.security.AccountStore;
import dev.pulse.domain.security.Actor;
import dev.pulse.domain.security.PasswordHasher;
import dev.pulse.domain.security.Role;
import dev.pulse.domain.security.Scope;
import dev.pulse.domain.security.Session;
import dev.pulse.domain.security.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * People who sign in: the first-run setup, passwords (hashed), sign-in with a lockout after {@link
 * #MAX_FAILURES} failures per user and address, sessions kept only by their hash, and password
 * changes. Accounts and roles themselves are managed through {@link #directory()}. Thread-safe.
 */
public final class Accounts {

  public static final int MAX_FAILURES = 5;
  public static final Duration LOCKOUT = Duration.ofMinutes(15);
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}");

  private final AccountStore store;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final Bootstrap bootstrap;
  private final SecureRandom random = new SecureRandom();
  private final Cache<String, Failures> failures;
  private final AccountDirectory directory;
  /** Checked when the username is unknown, so that a miss costs what a hit does; made on first need. */
  private volatile String dummyHash;

  /** The one-time token that lets the first admin be created; {@link #NONE} once there is one. */
  public interface Bootstrap {
    Bootstrap NONE = new Bootstrap() {
      @Override
      public boolean accepts(String token) {
        return false;
      }

      @Override
      public void used() {}
    };

    /** Whether this is the token, compared in constant time. */
    boolean accepts(String token);

    /** Called once the first admin exists: the token must not work again. */
    void used();
  }

  /** Why a sign-in was refused; {@code retryAfter} is set while locked out. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    Refused(String message, Duration retryAfter) {
      super(message);
      this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
      return Optional.ofNullable(retryAfter);
    }
  }

  /** A signed-in session: {@code cookie} goes to the browser, the store keeps only its hash. */
  public record SignedIn(String cookie, Session session, User user, String csrfToken) {}

  /** Who a session belongs to, and what they may do. */
  public record Principal(User user, Session session, Set<Scope> scopes, String csrfToken) {}

  private record Failures(int count, Instant lockedUntil) {}

  /** How long a recovery token works. */
  public static final Duration RECOVERY = Duration.ofMinutes(15);

  private record Recovery(String sha256, Instant until) {}

  private volatile Recovery recovery;

  public Accounts(AccountStore store, PasswordHasher hasher, Clock clock, Bootstrap bootstrap) {
    this.store = store;
    this.hasher = hasher;
    this.clock = clock;
    this.bootstrap = bootstrap;
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.failures = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(LOCKOUT).maximumSize(100_000).build();
    this.directory = new AccountDirectory(store, hasher, clock);
  }

  /** Creating, changing and removing accounts and roles. */
  public AccountDirectory directory() {
    return directory;
  }

  /**
   * Whether nobody can sign in yet and a bootstrap token can change that: the setup page is shown.
   * Without a bootstrap token (tokens only, when embedded) there is no setup to offer.
   */
  public boolean setupRequired() {
    return bootstrap != Bootstrap.NONE && store.users().isEmpty();
  }

  /**
   * Creates the first admin with the bootstrap token.
   *
   * @throws Refused when there already is an account or the token is wrong
   * @throws InvalidFieldException naming {@code username} or {@code password}
   */
  public synchronized User setup(String token, String username, String password) {
    if (!setupRequired()) {
      throw new Refused("setup is done: sign in instead", null);
    }
    if (token == null || !bootstrap.accepts(token.strip())) {
      throw new Refused("the bootstrap token is wrong: it is in the data dir's .bootstrap-token and in the log", null);
    }
    User admin = directory.create(Actor.system("setup"), username, password, List.of(Role.ADMIN.name()));
    bootstrap.used();
    return admin;
  }

  /**
   * Signs in with a password. Five failures for one user from one address lock that pair out for
   * 15 minutes, during which even the right password is refused.
   */
  public SignedIn login(String username, String password, String address, boolean remember) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    String key = name + "|" + address;
    Instant now = clock.instant();
    Failures f = failures.getIfPresent(key);
    if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
      throw new Refused("too many failed sign-ins: try again later", Duration.between(now, f.lockedUntil()));
    }
    Optional<User> user = store.userNamed(name);
    String hash = user.map(User::passwordHash).orElse(null);
    boolean ok = hasher.matches(password == null ? "" : password, hash == null ? dummyHash() : hash) && hash != null;
    if (!ok || user.get().disabled()) {
      int count = f == null ? 1 : f.count() + 1;
      failures.put(key, new Failures(count, count >= MAX_FAILURES ? now.plus(LOCKOUT) : null));
      throw new Refused("wrong username or password", null);
    }
    failures.invalidate(key);
    User signedIn = user.get().withLastLogin(now);
    store.save(signedIn);
    return open(signedIn, address, remember);
  }

  private String dummyHash() {
    String h = dummyHash;
    if (h == null) {
      h = hasher.hash("not a password anyone has");
      dummyHash = h;
    }
    return h;
  }

  /** Opens a session for someone already identified (a password, or single sign-on). */
  public SignedIn open(User user, String address, boolean remember) {
    expireSessions(); // a sign-in is rare enough to tidy up at
    String cookie = randomText(32);
    Instant now = clock.instant();
    String csrf = csrfToken(cookie);
    Session s = new Session(AccessTokens.sha256(cookie), user.id(), AccessTokens.sha256(csrf), now, now, remember, address);
    store.save(s);
    return new SignedIn(cookie, s, user, csrf);
  }

  /** The session's person, or empty when the cookie is unknown, expired, or their account is gone or off. */
  public Optional<Principal> session(String cookie) {
    if (cookie == null || cookie.isBlank()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<Session> found = store.session(AccessTokens.sha256(cookie));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Session s = found.get();
    if (s.expired(now)) {
      store.deleteSession(s.sha256());
      return Optional.empty();
    }
    Optional<User> user = store.user(s.userId());
    if (user.isEmpty() || user.get().disabled()) {
      return Optional.empty();
    }
    if (Duration.between(s.lastSeenAt(), now).compareTo(Duration.ofMinutes(1)) >= 0) {
      s = s.seenAt(now);
      store.save(s); // at most once a minute a session
    }
    return Optional.of(new Principal(user.get(), s, directory.scopesOf(user.get()), csrfToken(cookie)));
  }

  /**
   * A session's CSRF token, made from its cookie whenever it is needed, so that neither is stored:
   * the store keeps the SHA-256 of each, and one cannot be had from the other.
   */
  private static String csrfToken(String cookie) {
    return AccessTokens.sha256("pulse csrf v1:" + cookie).substring(0, 43);
  }

  /** Whether a CSRF token sent with a change is the session's, compared by hash in constant time. */
  public static boolean csrfMatches(Session session, String sent) {
    return sent != null && MessageDigest.isEqual(AccessTokens.sha256(sent).getBytes(StandardCharsets.US_ASCII),
        session.csrfSha256().getBytes(StandardCharsets.US_ASCII));
  }

  /** How a session cookie is kept: its SHA-256, which names the session without revealing it. */
  public static String sessionHash(String cookie) {
    return AccessTokens.sha256(cookie);
  }

  /** Ends every session of an account: its IdP signed it out everywhere. */
  public void endSessions(String userId) {
    store.deleteSessions(userId, null);
  }

  public void logout(String cookie) {
    if (cookie != null) {
      store.deleteSession(AccessTokens.sha256(cookie));
    }
  }

  /** Changes a password after checking the current one; every other session of theirs ends. */
  public void changePassword(Principal who, String current, String next) {
    String hash = who.user().passwordHash();
    if (hash == null || !hasher.matches(current == null ? "" : current, hash)) {
      throw new InvalidFieldException("currentPassword", "the current password is wrong");
    }
    store.save(who.user().withPasswordHash(hasher.hash(AccountDirectory.checkedPassword(next, "newPassword"))));
    store.deleteSessions(who.user().id(), who.session().sha256());
  }

  /**
   * Issues the recovery token that can reset an admin's password, replacing any earlier one; it
   * works once, for {@link #RECOVERY}. Only for callers on this machine: the route checks that.
   */
  public String issueRecovery() {
    String token = randomText(24);
    recovery = new Recovery(AccessTokens.sha256(token), clock.instant().plus(RECOVERY));
    return token;
  }

  /**
   * Sets a new password for an admin with the recovery token, lifts its lockouts and ends its
   * sessions; the token is then spent.
   *
   * @throws Refused when the token is wrong, spent or expired
   * @throws InvalidFieldException naming {@code username} (not an admin) or {@code newPassword}
   */
  public synchronized User recover(String token, String username, String newPassword) {
    Recovery r = recovery;
    if (r == null || token == null || !clock.instant().isBefore(r.until())
        || !MessageDigest.isEqual(r.sha256().getBytes(), AccessTokens.sha256(token.strip()).getBytes())) {
      throw new Refused("the recovery token is wrong, used or expired: ask for a new one", null);
    }
    User user = store.userNamed(username == null ? "" : username.strip())
        .filter(u -> u.roles().contains(Role.ADMIN.name()))
        .orElseThrow(() -> new InvalidFieldException("username", "there is no admin named " + username));
    User next = directory.update(Actor.system("recovery"), user.id(), null, false, newPassword);
    recovery = null;
    failures.asMap().keySet().removeIf(k -> k.startsWith(user.username() + "|"));
    return next;
  }

  /** Removes sessions past their time; the app calls it now and then. */
  public int expireSessions() {
    Instant now = clock.instant();
    return store.expireSessions(now.minus(Session.IDLE), now.minus(Session.REMEMBERED), now.minus(Session.ABSOLUTE));
  }

  static boolean validUsername(String username) {
    return username != null && USERNAME.matcher(username).matches();
  }

  private String randomText(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String newId(SecureRandom random) {
    byte[] b = new byte[6];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
