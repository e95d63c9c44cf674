package dev.pulse.domain.security;

import dev.pulse.domain.connection.Secret;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A single sign-on provider: OpenID Connect or SAML 2.0. Immutable.
 *
 * @param id short and stable: it is in the sign-in and callback URLs
 * @param type {@code oidc} or {@code saml}
 * @param settings what the type needs: for OIDC {@code discoveryUrl}, {@code clientId}, optional
 *     {@code scopes} (space-separated, default {@code openid profile email}), {@code usernameClaim}
 *     (default {@code preferred_username}) and {@code groupsClaim} (default {@code groups})
 * @param secrets for OIDC {@code clientSecret}; never sent back, encrypted at rest
 * @param groupRoles the provider's groups to Pulse roles
 * @param defaultRole the role of someone none of whose groups is mapped; {@code null} refuses them
 */
public record SsoProvider(String id, String name, String type, boolean enabled, Map<String, String> settings,
    Map<String, Secret> secrets, Map<String, String> groupRoles, String defaultRole) {

  public SsoProvider {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    settings = Map.copyOf(settings);
    secrets = Map.copyOf(secrets);
    groupRoles = Map.copyOf(groupRoles);
  }

  public String setting(String key, String fallback) {
    String v = settings.get(key);
    return v == null || v.isBlank() ? fallback : v;
  }

  /** The roles for these groups; empty when none is mapped and there is no default. */
  public Set<String> roles(Iterable<String> groups) {
    java.util.Set<String> roles = new java.util.LinkedHashSet<>();
    for (String g : groups) {
      String role = groupRoles.get(g);
      if (role != null) {
        roles.add(role);
      }
    }
    if (roles.isEmpty() && defaultRole != null) {
      roles.add(defaultRole);
    }
    return Set.copyOf(roles);
  }
}
