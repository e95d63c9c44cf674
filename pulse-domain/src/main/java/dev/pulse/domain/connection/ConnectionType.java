package dev.pulse.domain.connection;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The platforms Pulse connects to by polling their API. */
public enum ConnectionType {
  /** Proxmox VE. */
  PVE,
  /** Proxmox Backup Server. */
  PBS,
  /** Proxmox Mail Gateway: user and password only, it has no API tokens. */
  PMG,
  /** TrueNAS SCALE or CORE: an API key only. */
  TRUENAS;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ConnectionType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
  }
}
