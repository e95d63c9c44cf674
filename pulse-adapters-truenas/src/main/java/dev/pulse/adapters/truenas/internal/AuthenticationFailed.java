package dev.pulse.adapters.truenas.internal;

import java.io.IOException;

/** TrueNAS refused the API key: wrong, revoked or expired. Internal: not API. */
public final class AuthenticationFailed extends IOException {

  private static final long serialVersionUID = 1L;

  public AuthenticationFailed(String message) {
    super(message);
  }
}
