package dev.pulse.domain.connection;

/**
 * A typed start for a Proxmox Backup Server connection: {@code PbsConnection.token("lab", "https://pbs1:8006",
 * "monitor@pbs!pulse", secret).fingerprint("AB:CD:…").build()}.
 */
public final class PbsConnection {

  private PbsConnection() {}

  /** API-token auth, the token id as {@code USER@REALM!TOKENID}. */
  public static ProxmoxConnectionBuilder token(String name, String url, String tokenId, String tokenSecret) {
    return new ProxmoxConnectionBuilder("pbs", name, url, tokenId, tokenSecret, null, null);
  }

  /** Ticket auth with a user's password, the user as {@code USER@REALM}. */
  public static ProxmoxConnectionBuilder password(String name, String url, String username, String password) {
    return new ProxmoxConnectionBuilder("pbs", name, url, null, null, username, password);
  }
}
