package dev.pulse.domain.connection;

/**
 * A typed start for a Proxmox VE connection: {@code PveConnection.token("lab", "https://pve1:8006",
 * "monitor@pve!pulse", secret).fingerprint("AB:CD:…").build()}.
 */
public final class PveConnection {

  private PveConnection() {}

  /** API-token auth, the token id as {@code USER@REALM!TOKENID}. */
  public static ProxmoxConnectionBuilder token(String name, String url, String tokenId, String tokenSecret) {
    return new ProxmoxConnectionBuilder("pve", name, url, tokenId, tokenSecret, null, null);
  }

  /** Ticket auth with a user's password, the user as {@code USER@REALM}. */
  public static ProxmoxConnectionBuilder password(String name, String url, String username, String password) {
    return new ProxmoxConnectionBuilder("pve", name, url, null, null, username, password);
  }
}
