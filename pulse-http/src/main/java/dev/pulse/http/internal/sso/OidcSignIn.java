package dev.pulse.http.internal.sso;

import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.security.SsoProvider;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.pac4j.core.client.Client;
import org.pac4j.core.config.Config;
import org.pac4j.core.http.url.DefaultUrlResolver;
import org.pac4j.core.profile.ProfileManager;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.jee.adapter.JEEFrameworkAdapter;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.jee.context.JEEFrameworkParameters;
import org.pac4j.jee.context.session.JEESessionStore;
import org.pac4j.oidc.client.OidcClient;
import org.pac4j.oidc.config.OidcConfiguration;

/**
 * The OpenID Connect dance through pac4j, on Javalin without javalin-pac4j: authorization code
 * with PKCE (S256), state and nonce, kept in the servlet session only for the dance. One pac4j
 * client per enabled OIDC provider, named by the provider's id; rebuilt when providers change.
 * Internal: not API.
 */
final class OidcSignIn {

  static final String CALLBACK = "/api/security/sso/callback";

  /** Who the provider vouched for: the username and groups read from its claims. */
  record Identity(String username, List<String> groups) {}

  private volatile Config config;

  void configure(List<SsoProvider> providers) {
    List<Client> clients = new ArrayList<>();
    for (SsoProvider p : providers) {
      if (p.enabled() && p.type().equals("oidc")) {
        OidcConfiguration oc = new OidcConfiguration();
        oc.setDiscoveryURI(p.setting("discoveryUrl", null));
        oc.setClientId(p.setting("clientId", null));
        Secret secret = p.secrets().get("clientSecret");
        oc.setSecret(secret == null ? null : secret.reveal());
        oc.setScope(p.setting("scopes", "openid profile email"));
        oc.setDisablePkce(false);
        oc.setPkceMethod(CodeChallengeMethod.S256);
        oc.setUseNonce(true);
        OidcClient client = new OidcClient(oc);
        client.setName(p.id());
        clients.add(client);
      }
    }
    Config c = new Config(CALLBACK, clients);
    c.getClients().setUrlResolver(new DefaultUrlResolver(true)); // the callback on the host the browser used
    new JEEFrameworkAdapter().applyDefaultSettingsIfUndefined(c);
    config = c;
  }

  /**
   * Sends the browser to the provider, or, coming back signed in, answers who it is. Empty when
   * pac4j has answered (a redirect to the provider).
   */
  Optional<UserProfile> start(Context ctx, String providerId) {
    Config c = config;
    Object granted = c.getSecurityLogic().perform(c, (wc, ss, profiles) -> "GRANTED", providerId, null, null,
        new JEEFrameworkParameters(ctx.req(), ctx.res()));
    if (!"GRANTED".equals(granted)) {
      return Optional.empty();
    }
    ProfileManager profiles = new ProfileManager(new JEEContext(ctx.req(), ctx.res()), new JEESessionStore());
    Optional<UserProfile> profile = profiles.getProfile();
    profiles.removeProfiles(); // Pulse's own session takes over from here
    return profile;
  }

  /** The provider's redirect back: pac4j checks state, exchanges the code and validates the ID token. */
  void callback(Context ctx) {
    Config c = config;
    c.getCallbackLogic().perform(c, "/", true, null, new JEEFrameworkParameters(ctx.req(), ctx.res()));
  }

  static Identity identity(SsoProvider provider, UserProfile profile) {
    Object name = profile.getAttribute(provider.setting("usernameClaim", "preferred_username"));
    if (name == null) {
      name = profile.getAttribute("email");
    }
    if (name == null) {
      name = profile.getId();
    }
    Object groups = profile.getAttribute(provider.setting("groupsClaim", "groups"));
    List<String> list = new ArrayList<>();
    if (groups instanceof Collection<?> many) {
      many.forEach(g -> list.add(String.valueOf(g)));
    } else if (groups != null) {
      for (String g : String.valueOf(groups).split(",")) {
        list.add(g.strip());
      }
    }
    return new Identity(String.valueOf(name), list);
  }
}
