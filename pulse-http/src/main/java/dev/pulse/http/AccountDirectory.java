package dev.pulse.http;

import dev.pulse.domain.InvalidFieldException;
import dev.pulse.domain.security.AccountStore;
import dev.pulse.domain.security.PasswordHasher;
import dev.pulse.domain.security.Role;
import dev.pulse.domain.security.Scope;
import dev.pulse.domain.security.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts and roles: creating, changing and removing them, with the rules that keep Pulse
 * manageable (a username is unique, whatever its case; the last admin cannot be removed or lose
 * the role; a role in use cannot be removed; built-in roles cannot be changed). Thread-safe.
 */
public final class AccountDirectory {

  public static final int MIN_PASSWORD = 10;
  public static final int MAX_PASSWORD = 256;

  private final AccountStore store;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  /** Every role, built-in first: read on each request's scope check, so kept here and renewed on change. */
  private volatile List<Role> roles;

  AccountDirectory(AccountStore store, PasswordHasher hasher, Clock clock) {
    this.store = store;
    this.hasher = hasher;
    this.clock = clock;
    this.roles = allRoles();
  }

  private List<Role> allRoles() {
    List<Role> custom = new ArrayList<>(store.roles());
    custom.sort(Comparator.comparing(Role::name));
    List<Role> all = new ArrayList<>(Role.BUILT_IN);
    all.addAll(custom);
    return List.copyOf(all);
  }

  public List<User> users() {
    List<User> users = new ArrayList<>(store.users());
    users.sort(Comparator.comparing(User::username));
    return users;
  }

  public Optional<User> user(String id) {
    return store.user(id);
  }

  /** The built-in roles, then the custom ones by name. */
  public List<Role> roles() {
    return roles;
  }

  public Optional<Role> role(String name) {
    return roles().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** What a person may do: their roles together, deny winning. */
  public Set<Scope> scopesOf(User user) {
    return Role.effective(user.roles().stream().map(this::role).flatMap(Optional::stream).toList());
  }

  /** @throws InvalidFieldException naming {@code username}, {@code password} or {@code roles} */
  public synchronized User create(String username, String password, Set<String> roles) {
    String name = username == null ? "" : username.strip();
    if (!Accounts.validUsername(name)) {
      throw new InvalidFieldException("username", "a username is 1–64 letters, digits or . _ @ + -, starting with a letter or digit");
    }
    if (store.userNamed(name).isPresent()) {
      throw new InvalidFieldException("username", "there already is an account named " + name);
    }
    User user = new User(Accounts.newId(random), name.toLowerCase(Locale.ROOT), hasher.hash(checkedPassword(password, "password")),
        knownRoles(roles), "local", clock.instant(), null, false);
    store.save(user);
    return user;
  }

  /**
   * An account for someone single sign-on or a proxy vouched for, created on first sign-in; their
   * roles follow the provider's groups at every sign-in.
   */
  public synchronized User external(String source, String username, Set<String> roles) {
    String name = username.strip().toLowerCase(Locale.ROOT);
    Optional<User> known = store.userNamed(name);
    if (known.isPresent() && known.get().source().equals("local")) {
      throw new InvalidFieldException("username", name + " is a local account: single sign-on cannot take it over");
    }
    User user = known.map(u -> u.withRoles(roles)).orElseGet(() -> new User(Accounts.newId(random), name, null, roles, source,
        clock.instant(), null, false)).withLastLogin(clock.instant());
    store.save(user);
    return user;
  }

  /**
   * Changes roles, whether the account is off, and (when given) sets a new password; a password set
   * here or turning the account off ends its sessions.
   */
  public synchronized User update(String id, Set<String> roles, boolean disabled, String newPassword) {
    User user = store.user(id).orElseThrow(() -> new InvalidFieldException("id", "there is no account " + id));
    User next = user.withRoles(roles == null ? user.roles() : knownRoles(roles)).withDisabled(disabled);
    if (isAdmin(user) && (!isAdmin(next) || next.disabled()) && admins() == 1) {
      throw new InvalidFieldException("roles", "this is the last admin: make someone else admin first");
    }
    if (newPassword != null) {
      next = next.withPasswordHash(hasher.hash(checkedPassword(newPassword, "password")));
    }
    store.save(next);
    if (newPassword != null || disabled) {
      store.deleteSessions(id, null);
    }
    return next;
  }

  public synchronized boolean delete(String id) {
    Optional<User> user = store.user(id);
    if (user.isPresent() && isAdmin(user.get()) && admins() == 1) {
      throw new InvalidFieldException("id", "this is the last admin: it cannot be removed");
    }
    return store.deleteUser(id);
  }

  /** Adds or changes a custom role. */
  public synchronized Role save(Role role) {
    if (Role.BUILT_IN.stream().anyMatch(r -> r.name().equals(role.name()))) {
      throw new InvalidFieldException("name", role.name() + " is built in: it cannot be changed");
    }
    if (!role.name().matches("[a-z0-9][a-z0-9_-]{0,31}")) {
      throw new InvalidFieldException("name", "a role name is 1–32 lower-case letters, digits, _ or -");
    }
    if (role.allow().isEmpty()) {
      throw new InvalidFieldException("allow", "a role allows at least one scope");
    }
    store.save(role);
    roles = allRoles();
    return role;
  }

  public synchronized boolean deleteRole(String name) {
    if (Role.BUILT_IN.stream().anyMatch(r -> r.name().equals(name))) {
      throw new InvalidFieldException("name", name + " is built in: it cannot be removed");
    }
    if (store.users().stream().anyMatch(u -> u.roles().contains(name))) {
      throw new InvalidFieldException("name", "accounts still have the role " + name);
    }
    boolean removed = store.deleteRole(name);
    roles = allRoles();
    return removed;
  }

  static String checkedPassword(String password, String field) {
    if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      throw new InvalidFieldException(field, "a password is " + MIN_PASSWORD + "–" + MAX_PASSWORD + " characters");
    }
    return password;
  }

  private Set<String> knownRoles(Set<String> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new InvalidFieldException("roles", "an account needs at least one role");
    }
    for (String r : roles) {
      if (role(r).isEmpty()) {
        throw new InvalidFieldException("roles", "there is no role " + r);
      }
    }
    return Set.copyOf(roles);
  }

  private static boolean isAdmin(User u) {
    return u.roles().contains(Role.ADMIN.name());
  }

  private long admins() {
    return store.users().stream().filter(u -> isAdmin(u) && !u.disabled()).count();
  }
}
