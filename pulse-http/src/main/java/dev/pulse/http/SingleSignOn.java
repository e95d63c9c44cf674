package dev.pulse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.InvalidFieldException;
import dev.pulse.domain.security.Actor;
import dev.pulse.domain.security.NotPermittedException;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.security.SsoProvider;
import dev.pulse.domain.security.SsoProviderStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The single sign-on providers: kept in a store (encrypt it: client secrets are in it), checked
 * before they are saved, and tested against the provider. Thread-safe.
 */
public final class SingleSignOn {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SsoProviderStore store;
  private final AccountDirectory directory;
  private final List<Consumer<List<SsoProvider>>> listeners = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  /** Read once from the store (a decryption) and kept: the sign-in page asks for them on every visit. */
  private volatile List<SsoProvider> providers;

  public SingleSignOn(SsoProviderStore store, AccountDirectory directory) {
    this.store = store;
    this.directory = directory;
    this.providers = List.copyOf(store.load());
  }

  public List<SsoProvider> providers() {
    return providers;
  }

  public Optional<SsoProvider> provider(String id) {
    return providers().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** Called with the providers after every change. */
  public void onChange(Consumer<List<SsoProvider>> listener) {
    listeners.add(listener);
  }

  /**
   * Adds or changes a provider. A secret left out keeps its stored value; an empty one removes it.
   * A provider grants its roles to whoever its IdP vouches for, so the actor must be able to grant
   * every role it maps, and, to change one, every role it mapped.
   *
   * @throws InvalidFieldException naming the field at fault
   * @throws NotPermittedException naming the mapping to a role the actor cannot grant
   */
  public synchronized SsoProvider save(Actor actor, String id, String name, String type, boolean enabled, Map<String, String> settings,
      Map<String, String> secrets, Map<String, String> groupRoles, String defaultRole) {
    if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,31}")) {
      throw new InvalidFieldException("id", "an id is 1–32 lower-case letters, digits or -");
    }
    if (name == null || name.isBlank() || name.length() > 64) {
      throw new InvalidFieldException("name", "a name is 1–64 characters");
    }
    Map<String, String> s = settings == null ? Map.of() : settings;
    switch (type == null ? "" : type) {
      case "oidc" -> checkOidc(s);
      case "saml" -> checkSaml(s);
      default -> throw new InvalidFieldException("type", "type is oidc or saml");
    }
    Map<String, String> roles = groupRoles == null ? Map.of() : groupRoles;
    roles.forEach((group, role) -> directory.requireGrantable(actor, role, "groupRoles." + group));
    if (defaultRole != null && !defaultRole.isBlank()) {
      directory.requireGrantable(actor, defaultRole, "defaultRole");
    }
    provider(id).ifPresent(existing -> requireMayChange(actor, existing));
    Map<String, Secret> kept = new HashMap<>(provider(id).map(SsoProvider::secrets).orElse(Map.of()));
    if (secrets != null) {
      secrets.forEach((k, v) -> {
        if (v == null || v.isEmpty()) {
          kept.remove(k);
        } else {
          kept.put(k, Secret.of(v));
        }
      });
    }
    SsoProvider provider = new SsoProvider(id, name.strip(), type, enabled, s, kept, roles,
        defaultRole == null || defaultRole.isBlank() ? null : defaultRole);
    List<SsoProvider> all = new ArrayList<>(providers.stream().filter(p -> !p.id().equals(id)).toList());
    all.add(provider);
    changed(all);
    return provider;
  }

  /** Removes a provider whose roles the actor could grant; false when there is none. */
  public synchronized boolean delete(Actor actor, String id) {
    provider(id).ifPresent(existing -> requireMayChange(actor, existing));
    List<SsoProvider> all = new ArrayList<>(providers);
    boolean removed = all.removeIf(p -> p.id().equals(id));
    if (removed) {
      changed(all);
    }
    return removed;
  }

  private void changed(List<SsoProvider> all) {
    store.save(all);
    providers = List.copyOf(all);
    listeners.forEach(l -> l.accept(providers));
  }

  /** Reads the provider's discovery document and says whether Pulse can sign in with it. */
  public Map<String, Object> test(String id) {
    SsoProvider p = provider(id).orElseThrow(() -> new InvalidFieldException("id", "there is no provider " + id));
    Map<String, Object> result = new LinkedHashMap<>();
    if (p.type().equals("saml")) {
      return testSaml(p, result);
    }
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(p.setting("discoveryUrl", ""))).timeout(Duration.ofSeconds(10))
          .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return failed(result, "the discovery URL answered " + r.statusCode());
      }
      JsonNode doc = JSON.readTree(r.body());
      for (String field : List.of("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")) {
        if (!doc.hasNonNull(field)) {
          return failed(result, "the discovery document has no " + field);
        }
      }
      boolean pkce = doc.path("code_challenge_methods_supported").toString().contains("S256");
      result.put("ok", true);
      result.put("error", null);
      result.put("issuer", doc.get("issuer").asText());
      result.put("pkce", pkce);
      return result;
    } catch (IOException | IllegalArgumentException e) {
      return failed(result, "the discovery URL cannot be read: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(result, "interrupted");
    }
  }

  /** A SAML IdP is reachable when its sign-in URL answers at all (without a request it may well say 400). */
  private Map<String, Object> testSaml(SsoProvider p, Map<String, Object> result) {
    try {
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(p.setting("idpSsoUrl", ""))).timeout(Duration.ofSeconds(10))
          .build(), HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() >= 500) {
        return failed(result, "the IdP's sign-in URL answered " + r.statusCode());
      }
      result.put("ok", true);
      result.put("error", null);
      result.put("issuer", p.setting("idpEntityId", ""));
      return result;
    } catch (IOException | IllegalArgumentException e) {
      return failed(result, "the IdP's sign-in URL cannot be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(result, "interrupted");
    }
  }

  private static void checkOidc(Map<String, String> s) {
    String discovery = s.get("discoveryUrl");
    if (discovery == null || !discovery.matches("https?://\\S+")) {
      throw new InvalidFieldException("settings.discoveryUrl", "settings.discoveryUrl is the provider's "
          + ".well-known/openid-configuration URL");
    }
    if (s.get("clientId") == null || s.get("clientId").isBlank()) {
      throw new InvalidFieldException("settings.clientId", "settings.clientId is required");
    }
  }

  private static void checkSaml(Map<String, String> s) {
    if (s.get("idpEntityId") == null || s.get("idpEntityId").isBlank()) {
      throw new InvalidFieldException("settings.idpEntityId", "settings.idpEntityId is the IdP's entity id");
    }
    for (String url : List.of("idpSsoUrl", "idpSloUrl")) {
      String v = s.get(url);
      if ((url.equals("idpSsoUrl") || v != null && !v.isBlank()) && (v == null || !v.matches("https?://\\S+"))) {
        throw new InvalidFieldException("settings." + url, "settings." + url + " must be an http or https URL");
      }
    }
    try {
      java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(
          s.getOrDefault("idpCertificate", "").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    } catch (java.security.cert.CertificateException e) {
      throw new InvalidFieldException("settings.idpCertificate", "settings.idpCertificate must be the IdP's signing certificate, PEM");
    }
  }

  private static Map<String, Object> failed(Map<String, Object> result, String why) {
    result.put("ok", false);
    result.put("error", why);
    return result;
  }

  /** The actor could grant every role the provider maps (a role since removed grants nothing). */
  private void requireMayChange(Actor actor, SsoProvider existing) {
    List<String> mapped = new ArrayList<>(existing.groupRoles().values());
    if (existing.defaultRole() != null) {
      mapped.add(existing.defaultRole());
    }
    for (String role : mapped) {
      if (directory.role(role).isPresent()) {
        try {
          directory.requireGrantable(actor, role, "id");
        } catch (NotPermittedException e) {
          throw new NotPermittedException("id", "you cannot change the provider " + existing.id() + ": it grants " + role
              + ", which allows more than you have");
        }
      }
    }
  }
}
