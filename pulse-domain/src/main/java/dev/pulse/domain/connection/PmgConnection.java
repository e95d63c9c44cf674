package dev.pulse.domain.connection;

/**
 * A typed start for a Proxmox Mail Gateway connection: {@code PmgConnection.password("mail",
 * "https://pmg1:8006", "monitor@pmg", password).build()}. PMG has no API tokens.
 */
public final class PmgConnection {

  private PmgConnection() {}

  /** Ticket auth with a user's password, the user as {@code USER@REALM}. */
  public static ProxmoxConnectionBuilder password(String name, String url, String username, String password) {
    return new ProxmoxConnectionBuilder("pmg", name, url, null, null, username, password);
  }
}
