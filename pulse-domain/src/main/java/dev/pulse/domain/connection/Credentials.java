package dev.pulse.domain.connection;

import java.util.Objects;

/** How Pulse authenticates to a platform: an API token or a user and password. */
public sealed interface Credentials permits Credentials.ApiToken, Credentials.UserPassword {

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
}
