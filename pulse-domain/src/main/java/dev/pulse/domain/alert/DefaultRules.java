package dev.pulse.domain.alert;

import static dev.pulse.domain.resource.ResourceType.AGENT;
import static dev.pulse.domain.resource.ResourceType.APP_CONTAINER;
import static dev.pulse.domain.resource.ResourceType.CEPH;
import static dev.pulse.domain.resource.ResourceType.DOCKER_HOST;
import static dev.pulse.domain.resource.ResourceType.K8S_DEPLOYMENT;
import static dev.pulse.domain.resource.ResourceType.K8S_NODE;
import static dev.pulse.domain.resource.ResourceType.PBS;
import static dev.pulse.domain.resource.ResourceType.PHYSICAL_DISK;
import static dev.pulse.domain.resource.ResourceType.PMG;
import static dev.pulse.domain.resource.ResourceType.POD;
import static dev.pulse.domain.resource.ResourceType.STORAGE;
import static dev.pulse.domain.resource.ResourceType.SYSTEM_CONTAINER;
import static dev.pulse.domain.resource.ResourceType.VM;
import static dev.pulse.domain.resource.ResourceType.ZFS_POOL;

import dev.pulse.domain.alert.AlertRule.Thresholds;
import dev.pulse.domain.resource.ResourceType;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The rules Pulse runs out of the box, quiet by default: thresholds with a gap between trigger and
 * clear, and delays so that a spike is not an alert. Figures follow Pulse (Go)'s defaults (CPU
 * 80/75, memory 85/80, disk 90/85, storage 85/80, temperatures by kind), with a critical level
 * above each. Adding a rule is adding a line here (and, for a state rule, its check in {@link
 * StateChecks}). A rule with a window judges a counter's rise over it: a container restarting 3 times
 * in 5 minutes is in a loop, however long ago its first restarts were.
 */
public final class DefaultRules {

  private static final Set<ResourceType> COMPUTE = Set.of(AGENT, VM, SYSTEM_CONTAINER, APP_CONTAINER, K8S_NODE, POD, DOCKER_HOST, PBS);

  public static final List<AlertRule> ALL = List.of(
      metric("cpu", "CPU", "cpu", AlertCategory.PERFORMANCE, COMPUTE, t(80, 75), t(95, 90), Duration.ofMinutes(5)),
      metric("memory", "Memory", "memory", AlertCategory.PERFORMANCE, COMPUTE, t(85, 80), t(95, 90), Duration.ofMinutes(2)),
      metric("disk", "Disk", "disk", AlertCategory.STORAGE, Set.of(AGENT, VM, SYSTEM_CONTAINER), t(90, 85), t(95, 92),
          Duration.ofMinutes(1)),
      metric("storage-usage", "Usage", "disk", AlertCategory.STORAGE, Set.of(STORAGE, ZFS_POOL), t(85, 80), t(95, 90),
          Duration.ofMinutes(1)),
      metric("host-temperature", "Temperature", "temperature", AlertCategory.HEALTH, Set.of(AGENT), t(80, 75), t(90, 85),
          Duration.ofMinutes(2)),
      new MetricRule("disk-temperature", "Disk temperature", "temperature", AlertCategory.HEALTH, Set.of(PHYSICAL_DISK),
          Set.of("hdd", "ssd", "sata", "sas", "usb", "unknown"), new Thresholds(t(55, 50), t(65, 60)), Duration.ofMinutes(5), true, null),
      new MetricRule("nvme-temperature", "NVMe temperature", "temperature", AlertCategory.HEALTH, Set.of(PHYSICAL_DISK),
          Set.of("nvme"), new Thresholds(t(70, 65), t(80, 75)), Duration.ofMinutes(5), true, null),
      metric("mail-deferred", "Deferred mail", "mail_queue_deferred", AlertCategory.HEALTH, Set.of(PMG), t(200, 150),
          t(500, 400), Duration.ofMinutes(5)),
      metric("mail-queue", "Mail queue", "mail_queue_total", AlertCategory.HEALTH, Set.of(PMG), t(500, 400), t(1000, 800),
          Duration.ofMinutes(5)),
      metric("mail-hold", "Held mail", "mail_queue_hold", AlertCategory.HEALTH, Set.of(PMG), t(100, 80), t(300, 250),
          Duration.ofMinutes(5)),
      metric("mail-age", "Oldest deferred mail", "mail_oldest_deferred", AlertCategory.HEALTH, Set.of(PMG), t(30, 20),
          t(60, 45), Duration.ZERO),
      new MetricRule("restart-loop", "Restarts", "restarts", AlertCategory.AVAILABILITY, Set.of(APP_CONTAINER, POD), Set.of(),
          new Thresholds(t(3, 1), t(10, 5)), Duration.ZERO, true, Duration.ofMinutes(5)),
      state("offline", "Offline", AlertCategory.AVAILABILITY, Set.of(AGENT, PBS, PMG, K8S_NODE, DOCKER_HOST),
          Duration.ofMinutes(1), 3, StateChecks::offline),
      new StateRule("powered-off", "Powered off", AlertCategory.AVAILABILITY, Set.of(VM, SYSTEM_CONTAINER), Duration.ofMinutes(1), 2,
          false, StateChecks::poweredOff),
      state("disk-health", "Disk health", AlertCategory.HEALTH, Set.of(PHYSICAL_DISK), Duration.ZERO, 1, StateChecks::diskHealth),
      state("disk-wearout", "Disk wear", AlertCategory.HEALTH, Set.of(PHYSICAL_DISK), Duration.ZERO, 1, StateChecks::diskWearout),
      state("pool-health", "Pool health", AlertCategory.HEALTH, Set.of(ZFS_POOL, STORAGE), Duration.ZERO, 1, StateChecks::poolHealth),
      state("ceph-health", "Ceph health", AlertCategory.HEALTH, Set.of(CEPH), Duration.ofMinutes(2), 2, StateChecks::cephHealth),
      state("container-health", "Container health", AlertCategory.HEALTH, Set.of(APP_CONTAINER), Duration.ofMinutes(1), 1,
          StateChecks::containerHealth),
      state("pod-health", "Pod health", AlertCategory.HEALTH, Set.of(POD), Duration.ofMinutes(2), 1, StateChecks::podHealth),
      state("deployment-replicas", "Replicas", AlertCategory.AVAILABILITY, Set.of(K8S_DEPLOYMENT), Duration.ofMinutes(5), 1,
          StateChecks::deploymentShort),
      state("replication", "Replication", AlertCategory.HEALTH, Set.of(VM, SYSTEM_CONTAINER, AGENT), Duration.ZERO, 1,
          StateChecks::replicationFailing),
      state("backup-verify", "Backup verification", AlertCategory.HEALTH, Set.of(STORAGE, PBS), Duration.ZERO, 1,
          StateChecks::verifyFailed),
      state("platform-alerts", "Platform alerts", AlertCategory.HEALTH, Set.of(AGENT), Duration.ZERO, 1, StateChecks::platformAlerts),
      new StateRule("backup-age", "Backup age", AlertCategory.HEALTH, Set.of(VM, SYSTEM_CONTAINER), Duration.ZERO, 1, false,
          StateChecks::backupAge));

  private DefaultRules() {}

  private static Threshold t(double trigger, double clear) {
    return new Threshold(trigger, clear);
  }

  private static MetricRule metric(String id, String title, String metric, AlertCategory category, Set<ResourceType> types,
      Threshold warning, Threshold critical, Duration delay) {
    return new MetricRule(id, title, metric, category, types, Set.of(), new Thresholds(warning, critical), delay, true, null);
  }

  private static StateRule state(String id, String title, AlertCategory category, Set<ResourceType> types, Duration delay,
      int clearConfirmations, java.util.function.Function<dev.pulse.domain.resource.Resource, Condition> check) {
    return new StateRule(id, title, category, types, delay, clearConfirmations, true, check);
  }

  public static java.util.Optional<AlertRule> named(String id) {
    return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
