package dev.pulse.http.internal.sso;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.InvalidFieldException;
import dev.pulse.domain.security.SsoProvider;
import dev.pulse.domain.security.User;
import dev.pulse.http.Accounts;
import dev.pulse.http.SingleSignOn;
import dev.pulse.http.internal.Access;
import dev.pulse.http.internal.AccessGuard;
import dev.pulse.http.internal.AuditHook;
import dev.pulse.http.internal.AuthRoutes;
import dev.pulse.http.internal.ProblemException;
import dev.pulse.http.internal.RequestBodies;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.pac4j.core.profile.UserProfile;

/**
 * {@code /api/security/sso}: the providers people may sign in with (public), the sign-in and
 * callback of the dance, and for admins the providers' settings and a test. A failed sign-in ends
 * on a page that says why. Internal: not API.
 */
public final class SsoRoutes {

  private final SingleSignOn sso;
  private final Accounts accounts;
  private final RequestBodies bodies;
  private final OidcSignIn oidc = new OidcSignIn();
  private final SamlSignIn saml = new SamlSignIn();
  /** A SAML sign-in as single logout needs it: whose, and how the IdP names the person and session. */
  private record SamlSession(String providerId, String userId, String nameId, String sessionIndex) {}

  /** The SAML sessions, by the Pulse session's hash. */
  private final com.github.benmanes.caffeine.cache.Cache<String, SamlSession> samlSessions =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(java.time.Duration.ofDays(30)).maximumSize(100_000).build();

  public SsoRoutes(SingleSignOn sso, Accounts accounts, ObjectMapper json) {
    this.sso = sso;
    this.accounts = accounts;
    this.bodies = new RequestBodies(json, 64 * 1024);
    oidc.configure(sso.providers());
    sso.onChange(oidc::configure);
  }

  public record ProviderBody(String name, String type, Boolean enabled, Map<String, String> settings, Map<String, String> secrets,
      Map<String, String> groupRoles, String defaultRole) {}

  public void register(RoutesConfig routes) {
    routes.get("/api/security/sso/providers", ctx -> ctx.json(Map.of("providers", sso.providers().stream().filter(SsoProvider::enabled)
        .map(p -> Map.of("id", p.id(), "name", p.name(), "type", p.type())).toList())), Access.PUBLIC);
    routes.get("/api/security/sso/{id}/login", this::login, Access.PUBLIC);
    routes.get(OidcSignIn.CALLBACK, this::callback, Access.PUBLIC);
    routes.get("/api/security/sso/saml/{id}/metadata", this::samlMetadata, Access.PUBLIC);
    routes.post("/api/security/sso/saml/{id}/acs", this::samlAcs, Access.CROSS_SITE);
    routes.get("/api/security/sso/saml/{id}/logout", this::samlLogout, Access.PUBLIC);
    routes.get("/api/security/sso/saml/{id}/sls", this::samlSls, Access.PUBLIC);
    routes.get("/api/security/sso", ctx -> ctx.json(Map.of("providers", sso.providers().stream().map(SsoRoutes::json).toList())),
        Access.USERS_READ);
    routes.put("/api/security/sso/{id}", this::save, Access.USERS_WRITE);
    routes.delete("/api/security/sso/{id}", this::delete, Access.USERS_WRITE);
    routes.post("/api/security/sso/{id}/test", ctx -> ctx.json(sso.test(ctx.pathParam("id"))), Access.USERS_WRITE);
  }

  private void login(Context ctx) {
    SsoProvider provider = sso.provider(ctx.pathParam("id")).filter(SsoProvider::enabled).orElse(null);
    if (provider == null) {
      ErrorPage.write(ctx, 404, "There is no single sign-on provider " + ctx.pathParam("id") + ".");
      return;
    }
    if (provider.type().equals("saml")) {
      try {
        saml.start(ctx, provider);
      } catch (Exception e) {
        ErrorPage.write(ctx, 502, "Signing in with " + provider.name() + " failed: " + e.getMessage());
      }
      return;
    }
    UserProfile profile;
    try {
      profile = oidc.start(ctx, provider.id()).orElse(null);
    } catch (RuntimeException e) {
      ErrorPage.write(ctx, 502, "Signing in with " + provider.name() + " failed: " + reason(e));
      return;
    }
    if (profile == null) {
      return; // pac4j sent the browser to the provider
    }
    finish(ctx, provider, OidcSignIn.identity(provider, profile));
  }

  private void callback(Context ctx) {
    try {
      oidc.callback(ctx);
    } catch (RuntimeException e) {
      ctx.attribute(AuditHook.DETAIL, "single sign-on failed");
      ErrorPage.write(ctx, 401, "The provider's answer was not accepted: " + reason(e));
    }
  }

  private SsoProvider samlProvider(Context ctx) {
    return sso.provider(ctx.pathParam("id")).filter(p -> p.enabled() && p.type().equals("saml")).orElse(null);
  }

  private void samlMetadata(Context ctx) throws Exception {
    SsoProvider p = samlProvider(ctx);
    if (p == null) {
      throw new ProblemException(404, "Not found", "there is no SAML provider " + ctx.pathParam("id"), "id");
    }
    ctx.contentType("application/samlmetadata+xml").result(saml.metadata(ctx, p));
  }

  private void samlAcs(Context ctx) {
    SsoProvider p = samlProvider(ctx);
    if (p == null) {
      ErrorPage.write(ctx, 404, "There is no SAML provider " + ctx.pathParam("id") + ".");
      return;
    }
    SamlSignIn.Assertion a;
    try {
      a = saml.accept(ctx, p);
    } catch (Exception e) {
      ctx.attribute(AuditHook.DETAIL, "single sign-on failed");
      ErrorPage.write(ctx, 401, "The answer of " + p.name() + " was not accepted: " + e.getMessage());
      return;
    }
    Accounts.SignedIn in = finish(ctx, p, a.identity());
    if (in != null) {
      samlSessions.put(in.session().sha256(), new SamlSession(p.id(), in.user().id(), a.nameId(), a.sessionIndex()));
    }
  }

  /**
   * The IdP's single logout endpoint: its LogoutResponse (after a logout Pulse started) lands on
   * {@code /}; its LogoutRequest (it signed someone out everywhere) ends every Pulse session of
   * that person from this IdP, then answers the IdP.
   */
  private void samlSls(Context ctx) {
    SsoProvider p = samlProvider(ctx);
    if (p == null || ctx.queryParam("SAMLRequest") == null) {
      ctx.redirect("/");
      return;
    }
    String[] result;
    try {
      result = saml.idpLogout(ctx, p);
    } catch (Exception e) {
      ErrorPage.write(ctx, 400, "The logout request of " + p.name() + " was not accepted: " + e.getMessage());
      return;
    }
    String nameId = result[0];
    samlSessions.asMap().values().removeIf(held -> {
      boolean theirs = held.providerId().equals(p.id()) && held.nameId().equals(nameId);
      if (theirs) {
        accounts.endSessions(held.userId());
      }
      return theirs;
    });
    ctx.attribute(AuditHook.SUBJECT, nameId);
    ctx.attribute(AuditHook.DETAIL, "signed out by saml:" + p.id());
    ctx.attribute(AuditHook.RECORD, true);
    ctx.redirect(result[1]);
  }

  /** Ends the Pulse session, then sends the browser to the IdP's single logout when it has one. */
  private void samlLogout(Context ctx) throws Exception {
    SsoProvider p = samlProvider(ctx);
    String cookie = ctx.cookie(dev.pulse.http.internal.AccessGuard.SESSION_COOKIE);
    SamlSession held = cookie == null ? null : samlSessions.asMap().remove(Accounts.sessionHash(cookie));
    accounts.logout(cookie);
    ctx.header("Set-Cookie", AuthRoutes.cookie(ctx, "", 0));
    String idp = p == null || held == null ? null : saml.logout(ctx, p, held.nameId(), held.sessionIndex());
    ctx.redirect(idp == null ? "/" : idp);
  }

  /**
   * Makes the person an account (or updates its roles from their groups) and opens a Pulse session.
   *
   * @return the new session, or {@code null} when refused (the page says why)
   */
  private Accounts.SignedIn finish(Context ctx, SsoProvider provider, OidcSignIn.Identity who) {
    ctx.attribute(AuditHook.SUBJECT, who.username());
    ctx.attribute(AuditHook.DETAIL, provider.type() + ":" + provider.id());
    Set<String> roles = provider.roles(who.groups());
    if (roles.isEmpty()) {
      ErrorPage.write(ctx, 403, who.username() + " signed in with " + provider.name() + ", but none of their groups "
          + who.groups() + " has a role in Pulse. Ask an admin to map one.");
      return null;
    }
    User user;
    try {
      user = accounts.directory().external(provider.type() + ":" + provider.id(), who.username(), roles);
    } catch (InvalidFieldException e) {
      ErrorPage.write(ctx, 409, e.getMessage() + ".");
      return null;
    }
    if (user.disabled()) {
      ErrorPage.write(ctx, 403, "The account " + user.username() + " is turned off in Pulse.");
      return null;
    }
    Accounts.SignedIn in = accounts.open(user, ctx.ip(), false);
    ctx.attribute(AuditHook.RECORD, true);
    ctx.header("Set-Cookie", AuthRoutes.cookie(ctx, in.cookie(), -1));
    ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER); // after a POST from the IdP, a GET of the UI
    return in;
  }

  private void save(Context ctx) {
    ProviderBody b = bodies.read(ctx, ProviderBody.class);
    ctx.json(json(sso.save(AccessGuard.actor(ctx), ctx.pathParam("id"), b.name(), b.type(), b.enabled() == null || b.enabled(),
        b.settings(), b.secrets(), b.groupRoles(), b.defaultRole())));
  }

  private void delete(Context ctx) {
    if (!sso.delete(AccessGuard.actor(ctx), ctx.pathParam("id"))) {
      throw new ProblemException(404, "Not found", "there is no provider " + ctx.pathParam("id"), "id");
    }
    ctx.status(204);
  }

  private static String reason(RuntimeException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  static Map<String, Object> json(SsoProvider p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("name", p.name());
    m.put("type", p.type());
    m.put("enabled", p.enabled());
    m.put("settings", p.settings());
    Map<String, String> secrets = new LinkedHashMap<>();
    p.secrets().keySet().stream().sorted().forEach(k -> secrets.put(k, "set"));
    m.put("secrets", secrets);
    m.put("groupRoles", p.groupRoles());
    m.put("defaultRole", p.defaultRole());
    m.put("callbackPath", OidcSignIn.CALLBACK + "?client_name=" + p.id());
    return m;
  }
}
