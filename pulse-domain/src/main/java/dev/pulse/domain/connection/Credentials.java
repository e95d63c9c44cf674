package dev.pulse.domain.connection;

import java.util.Objects;

/** How Pulse authenticates to a platform: an API token, a user and password, or an API key. */
public sealed interface Credentials permits Credentials.ApiToken, Credentials.UserPassword, Credentials.ApiKey {

  /** {@code token} or {@code password}, as the API names the kind. */
  String kind();

  /** Who Pulse acts as: the token id or the user name. */
  String principal();

  /**
   * An API token.
   *
   * @param tokenId {@code USER@REALM!TOKENID}
   */
  record ApiToken(String tokenId, Secret secret) implements Credentials {
    public ApiToken {
      Objects.requireNonNull(tokenId, "tokenId");
      Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String kind() {
      return "token";
    }

    @Override
    public String principal() {
      return tokenId;
    }
  }

  /**
   * A user and password, exchanged for a ticket.
   *
   * @param username {@code USER@REALM}, for example {@code root@pam}
   */
  record UserPassword(String username, Secret password) implements Credentials {
    public UserPassword {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String kind() {
      return "password";
    }

    @Override
    public String principal() {
      return username;
    }
  }

  /**
   * An API key (TrueNAS).
   *
   * @param allowInsecureTransport the operator allowed sending it over plain http/ws, which TrueNAS
   *     answers by revoking it
   */
  record ApiKey(Secret key, boolean allowInsecureTransport) implements Credentials {
    public ApiKey {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String kind() {
      return "apikey";
    }

    @Override
    public String principal() {
      return "API key " + key.hint();
    }
  }
}
