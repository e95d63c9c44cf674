package dev.pulse.domain.security;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who asks for a change, and what they may do: a signed-in person, an API token, someone a trusted
 * proxy vouched for, or Pulse itself (first-run setup, recovery from the machine). The account
 * rules judge a change by the actor and its target together: nobody may change an account, a role
 * or a token that holds a scope they lack.
 *
 * @param name who, as the audit log names them
 * @param scopes what they may do, deny already applied
 */
public record Actor(String name, Set<Scope> scopes, Kind kind) {

  /** How the actor proved who it is. */
  public enum Kind {
    /** A person with a session (a password or single sign-on). */
    PERSON,
    /** An API token: it never sets a password. */
    TOKEN,
    /** A person a trusted reverse proxy vouched for. */
    PROXY,
    /** Pulse itself: first-run setup, the operator's environment, recovery on the machine. */
    SYSTEM
  }

  public Actor {
    Objects.requireNonNull(name, "name");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(kind, "kind");
  }

  /** Pulse itself, holding every scope. */
  public static Actor system(String name) {
    return new Actor(name, Set.of(Scope.ALL), Kind.SYSTEM);
  }

  public boolean allows(Scope needed) {
    return Scope.covers(scopes, needed);
  }

  /** The first of {@code held} this actor lacks, in the scopes' order, or empty when it holds them all. */
  public Optional<Scope> firstLacking(Collection<Scope> held) {
    return held.stream().sorted().filter(s -> !allows(s)).findFirst();
  }
}
