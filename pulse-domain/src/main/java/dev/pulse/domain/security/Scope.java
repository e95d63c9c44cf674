package dev.pulse.domain.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A permission: an area and a level, {@code area:level}. What an API token or a role may do.
 * {@link #ALL} ({@code *}) may do everything; within an area write covers read.
 */
public enum Scope {
  MONITORING_READ("monitoring", "read"),
  /** Acknowledging and clearing alerts. */
  MONITORING_WRITE("monitoring", "write"),
  /** Alert rules, thresholds, overrides and escalation. */
  ALERTS_READ("alerts", "read"),
  ALERTS_WRITE("alerts", "write"),
  SETTINGS_READ("settings", "read"),
  SETTINGS_WRITE("settings", "write"),
  /** Proxmox, TrueNAS and other connections, and linking resources by hand. */
  CONNECTIONS_READ("connections", "read"),
  CONNECTIONS_WRITE("connections", "write"),
  /** Accounts, roles and API tokens. */
  USERS_READ("users", "read"),
  USERS_WRITE("users", "write"),
  AUDIT_READ("audit", "read"),
  AI_CHAT("ai", "chat"),
  AI_EXECUTE("ai", "execute"),
  AGENT_REPORT("agent", "report"),
  DOCKER_REPORT("docker", "report"),
  KUBERNETES_REPORT("kubernetes", "report"),
  /** Proxmox VE's own notifications, sent to {@code /api/integrations/pve-webhook}. */
  PVE_WEBHOOK("pve", "webhook"),
  ALL("*", "*");

  private final String area;
  private final String level;

  Scope(String area, String level) {
    this.area = area;
    this.level = level;
  }

  /** The name in the API, for example {@code agent:report}. */
  public String wireName() {
    return this == ALL ? "*" : area + ":" + level;
  }

  public String area() {
    return area;
  }

  /** Whether {@code granted} covers {@code needed}: {@code *} covers all, write covers read, execute covers chat. */
  public static boolean covers(Set<Scope> granted, Scope needed) {
    for (Scope g : granted) {
      if (g.implies(needed)) {
        return true;
      }
    }
    return false;
  }

  /** Whether holding this scope allows what {@code needed} allows. */
  public boolean implies(Scope needed) {
    return this == ALL || this == needed || area.equals(needed.area) && rank() > 0 && rank() > needed.rank() && needed.rank() > 0;
  }

  /** Whether denying this scope takes {@code needed} away: denying read denies write too, denying {@code *} denies all. */
  public boolean blocks(Scope needed) {
    return this == ALL || this == needed || area.equals(needed.area) && rank() > 0 && rank() < needed.rank();
  }

  /** 1 for read or chat, 2 for write or execute; 0 where there is no ladder (reports, webhooks). */
  private int rank() {
    return switch (level) {
      case "read", "chat" -> 1;
      case "write", "execute" -> 2;
      default -> 0;
    };
  }

  public static Optional<Scope> fromWireName(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
  }
}
