package dev.pulse.adapters.proxmox.internal;

/**
 * How the Proxmox products differ on the wire: PVE sends {@code PVEAPIToken=ID=SECRET}, PBS {@code
 * PBSAPIToken=ID:SECRET} (note the colon), PMG has no API tokens; each names its ticket cookie
 * after itself. Internal: not API.
 */
public enum ProxmoxProduct {
  PVE("PVE", '='),
  PBS("PBS", ':'),
  PMG("PMG", (char) 0);

  private final String prefix;
  private final char tokenSeparator;

  ProxmoxProduct(String prefix, char tokenSeparator) {
    this.prefix = prefix;
    this.tokenSeparator = tokenSeparator;
  }

  public boolean hasApiTokens() {
    return tokenSeparator != 0;
  }

  public String tokenHeader(String tokenId, String secret) {
    return prefix + "APIToken=" + tokenId + tokenSeparator + secret;
  }

  public String cookieName() {
    return prefix + "AuthCookie";
  }

  public String displayName() {
    return switch (this) {
      case PVE -> "Proxmox VE";
      case PBS -> "Proxmox Backup Server";
      case PMG -> "Proxmox Mail Gateway";
    };
  }
}
