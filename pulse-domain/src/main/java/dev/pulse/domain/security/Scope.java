package dev.pulse.domain.security;

import java.util.Arrays;
import java.util.Optional;

/** What an API token may do. {@link #ALL} ({@code *}) may do everything. */
public enum Scope {
  MONITORING_READ("monitoring:read"),
  MONITORING_WRITE("monitoring:write"),
  SETTINGS_READ("settings:read"),
  SETTINGS_WRITE("settings:write"),
  AGENT_REPORT("agent:report"),
  DOCKER_REPORT("docker:report"),
  KUBERNETES_REPORT("kubernetes:report"),
  /** Proxmox VE's own notifications, sent to {@code /api/integrations/pve-webhook}. */
  PVE_WEBHOOK("pve:webhook"),
  ALL("*");

  private final String wireName;

  Scope(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the API, for example {@code agent:report}. */
  public String wireName() {
    return wireName;
  }

  /** Whether {@code granted} covers {@code needed}: {@code *} covers all, write covers read. */
  public static boolean covers(java.util.Set<Scope> granted, Scope needed) {
    return granted.contains(ALL) || granted.contains(needed)
        || (needed == MONITORING_READ && granted.contains(MONITORING_WRITE))
        || (needed == SETTINGS_READ && granted.contains(SETTINGS_WRITE));
  }

  public static Optional<Scope> fromWireName(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
  }
}
