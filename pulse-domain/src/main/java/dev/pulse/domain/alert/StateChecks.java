package dev.pulse.domain.alert;

import dev.pulse.domain.resource.DatastoreFacet;
import dev.pulse.domain.resource.DockerFacet;
import dev.pulse.domain.resource.KubernetesFacet;
import dev.pulse.domain.resource.ProtectionFacet;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.SourceRef;
import dev.pulse.domain.resource.TrueNasFacet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The checks behind the default state rules: each says what is wrong, in words, or nothing. Pure. */
final class StateChecks {

  private static final Set<String> POOL_CRITICAL = Set.of("FAULTED", "UNAVAIL", "OFFLINE", "REMOVED", "SUSPENDED");
  private static final Set<String> LOUD = Set.of("ERROR", "CRITICAL", "ALERT", "EMERGENCY");

  private StateChecks() {}

  private static Condition warning(String message) {
    return new Condition(AlertLevel.WARNING, message, null, null);
  }

  private static Condition critical(String message) {
    return new Condition(AlertLevel.CRITICAL, message, null, null);
  }

  static @Nullable Condition offline(Resource r) {
    return r.status() == ResourceStatus.OFFLINE ? critical(r.name() + " is offline") : null;
  }

  /** A guest that is stopped; templates are never running, so they never count. */
  static @Nullable Condition poweredOff(Resource r) {
    if (r.facets().proxmox() != null && r.facets().proxmox().template()) {
      return null;
    }
    return r.status() == ResourceStatus.OFFLINE ? warning(r.name() + " is powered off") : null;
  }

  static @Nullable Condition diskHealth(Resource r) {
    var d = r.facets().disk();
    if (d == null) {
      return null;
    }
    return "FAILED".equalsIgnoreCase(d.health()) ? critical("SMART says " + d.devpath() + " is failing")
        : Set.of("REMOVED", "FAULTED", "UNAVAIL", "DEGRADED").contains(d.health().toUpperCase(Locale.ROOT))
            ? warning(d.devpath() + " is " + d.health() + " in its pool") : null;
  }

  static @Nullable Condition diskWearout(Resource r) {
    var d = r.facets().disk();
    if (d == null || d.wearoutRemainingPercent() == null) {
      return null;
    }
    int left = d.wearoutRemainingPercent();
    return left <= 5 ? critical(d.devpath() + " has " + left + " % of its rated life left")
        : left <= 10 ? warning(d.devpath() + " has " + left + " % of its rated life left") : null;
  }

  static @Nullable Condition poolHealth(Resource r) {
    var z = r.facets().zfs();
    if (z == null) {
      return null;
    }
    String health = z.health().toUpperCase(Locale.ROOT);
    if (POOL_CRITICAL.contains(health)) {
      return critical("pool " + r.name() + " is " + health);
    }
    if (!health.equals("ONLINE")) {
      return warning("pool " + r.name() + " is " + health);
    }
    long errors = n(z.readErrors()) + n(z.writeErrors()) + n(z.checksumErrors());
    return errors > 0 ? warning("pool " + r.name() + " has " + n(z.readErrors()) + " read, " + n(z.writeErrors()) + " write and "
        + n(z.checksumErrors()) + " checksum errors") : null;
  }

  static @Nullable Condition cephHealth(Resource r) {
    var c = r.facets().ceph();
    if (c == null) {
      return null;
    }
    String checks = String.join(", ", c.checks().stream().map(ch -> ch.name()).toList());
    return switch (c.health()) {
      case "HEALTH_ERR" -> critical("Ceph is HEALTH_ERR" + (checks.isEmpty() ? "" : ": " + checks));
      case "HEALTH_WARN" -> warning("Ceph is HEALTH_WARN" + (checks.isEmpty() ? "" : ": " + checks));
      default -> null;
    };
  }

  static @Nullable Condition containerHealth(Resource r) {
    DockerFacet.Container c = r.facets().docker() == null ? null : r.facets().docker().container();
    if (c == null) {
      return null;
    }
    if (Boolean.TRUE.equals(c.oomKilled())) {
      return warning(r.name() + " was killed for lack of memory");
    }
    if ("restarting".equals(c.state())) {
      return warning(r.name() + " keeps restarting (" + c.restartCount() + " restarts)");
    }
    if ("unhealthy".equals(c.health())) {
      return warning(r.name() + " fails its health check");
    }
    if (("exited".equals(c.state()) || "dead".equals(c.state())) && c.exitCode() != null && c.exitCode() != 0) {
      return warning(r.name() + " exited with code " + c.exitCode()); // 0 is a job that finished
    }
    return null;
  }

  static @Nullable Condition podHealth(Resource r) {
    KubernetesFacet.Pod p = r.facets().kubernetes() == null ? null : r.facets().kubernetes().pod();
    if (p == null || p.terminating() || p.phase().equals("Succeeded")) {
      return null;
    }
    if (p.reason() != null) {
      return warning(r.name() + ": " + p.reason() + (p.restarts() > 0 ? " (" + p.restarts() + " restarts)" : ""));
    }
    return p.phase().equals("Failed") ? warning(r.name() + " failed") : null;
  }

  static @Nullable Condition deploymentShort(Resource r) {
    KubernetesFacet.Deployment d = r.facets().kubernetes() == null ? null : r.facets().kubernetes().deployment();
    if (d == null || d.availableReplicas() >= d.desiredReplicas()) {
      return null;
    }
    String message = r.name() + " has " + d.availableReplicas() + " of " + d.desiredReplicas() + " replicas available"
        + (d.problem() == null ? "" : " (" + d.problem() + ")");
    return d.availableReplicas() == 0 ? critical(message) : warning(message);
  }

  static @Nullable Condition replicationFailing(Resource r) {
    List<String> failing = new ArrayList<>();
    ProtectionFacet p = r.facets().protection();
    if (p != null) {
      for (ProtectionFacet.Replication job : p.replication()) {
        if (job.failCount() > 0) {
          failing.add("→ " + job.target() + " failed " + job.failCount() + "× " + (job.error() == null ? "" : job.error()));
        }
      }
    }
    TrueNasFacet.System nas = r.facets().truenas() == null ? null : r.facets().truenas().system();
    if (nas != null) {
      for (TrueNasFacet.Replication job : nas.replications()) {
        if (job.enabled() && job.state().equals("ERROR")) {
          failing.add(job.name() + ": " + (job.error() == null ? "failed" : job.error()));
        }
      }
    }
    return failing.isEmpty() ? null : warning("replication failing: " + String.join("; ", failing).strip());
  }

  static @Nullable Condition verifyFailed(Resource r) {
    DatastoreFacet d = r.facets().datastore();
    if (d == null) {
      return null;
    }
    List<String> failed = d.groups().stream().filter(g -> "failed".equals(g.verification()))
        .map(g -> g.type() + "/" + g.id()).toList();
    return failed.isEmpty() ? null : warning("verification failed for " + String.join(", ", failed));
  }

  static @Nullable Condition platformAlerts(Resource r) {
    TrueNasFacet.System nas = r.facets().truenas() == null ? null : r.facets().truenas().system();
    if (nas == null) {
      return null;
    }
    List<TrueNasFacet.Alert> loud = nas.alerts().stream().filter(a -> !a.dismissed() && LOUD.contains(a.level())).toList();
    if (loud.isEmpty()) {
      return null;
    }
    boolean critical = loud.stream().anyMatch(a -> !a.level().equals("ERROR"));
    String message = "TrueNAS: " + String.join("; ", loud.stream().map(TrueNasFacet.Alert::message).toList());
    return critical ? critical(message) : warning(message);
  }

  /** Off by default: the newest backup older than 7 days warns, 14 days is critical. */
  static @Nullable Condition backupAge(Resource r) {
    ProtectionFacet p = r.facets().protection();
    Instant seen = r.sources().stream().map(SourceRef::lastSeen).max(Instant::compareTo).orElse(null);
    if (p == null || seen == null || r.facets().proxmox() != null && Boolean.TRUE.equals(r.facets().proxmox().template())) {
      return null;
    }
    if (p.newestBackup() == null) {
      return warning(r.name() + " has no backup");
    }
    long days = Duration.between(p.newestBackup().created(), seen).toDays();
    return days >= 14 ? critical("the newest backup of " + r.name() + " is " + days + " days old")
        : days >= 7 ? warning("the newest backup of " + r.name() + " is " + days + " days old") : null;
  }

  private static long n(@Nullable Long v) {
    return v == null ? 0 : v;
  }
}
