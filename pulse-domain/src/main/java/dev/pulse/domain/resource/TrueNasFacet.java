package dev.pulse.domain.resource;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** TrueNAS facts; exactly one part is set, by what the resource is. */
public record TrueNasFacet(@Nullable System system, @Nullable Pool pool, @Nullable Dataset dataset, @Nullable App app,
    @Nullable Vm vm) {

  public static TrueNasFacet ofSystem(System s) {
    return new TrueNasFacet(s, null, null, null, null);
  }

  public static TrueNasFacet ofPool(Pool p) {
    return new TrueNasFacet(null, p, null, null, null);
  }

  public static TrueNasFacet ofDataset(Dataset d) {
    return new TrueNasFacet(null, null, d, null, null);
  }

  public static TrueNasFacet ofApp(App a) {
    return new TrueNasFacet(null, null, null, a, null);
  }

  public static TrueNasFacet ofVm(Vm v) {
    return new TrueNasFacet(null, null, null, null, v);
  }

  /** @param state RUNNING, STOPPED, DEPLOYING, CRASHED…, as TrueNAS says */
  public record App(String state, @Nullable String version) {}

  /** @param memoryBytes the memory given to the VM (TrueNAS counts it in MiB) */
  public record Vm(String state, @Nullable Integer vcpus, @Nullable Long memoryBytes, boolean autostart) {}

  /**
   * A replication task.
   *
   * @param state PENDING, RUNNING, FINISHED, ERROR or HOLD
   */
  public record Replication(String name, String state, boolean enabled, @Nullable Instant lastRun, @Nullable String error,
      List<String> sources, @Nullable String target) {
    public Replication {
      sources = List.copyOf(sources);
    }
  }

  /**
   * The box: its release and TrueNAS's own alerts, dismissed ones included and marked.
   *
   * @param arcBytes the ZFS ARC's size, counted in the memory used but given back on demand; {@code
   *     null} when unknown (over REST, or before the first live figures)
   */
  public record System(String version, @Nullable String serial, @Nullable String manufacturer, @Nullable Boolean eccMemory,
      @Nullable Instant bootedAt, String transport, List<Alert> alerts, List<Replication> replications, List<Share> shares,
      @Nullable Long arcBytes) {
    public System {
      alerts = List.copyOf(alerts);
      replications = List.copyOf(replications);
      shares = List.copyOf(shares);
    }
  }

  /** @param protocol {@code smb} or {@code nfs} */
  public record Share(String protocol, String name, String path, boolean enabled) {}

  /** @param level INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT or EMERGENCY, as TrueNAS says */
  public record Alert(String id, String level, String source, String message, boolean dismissed, @Nullable Instant since) {}

  /**
   * A pool. {@code rawSize}/{@code rawAllocated} count parity, as ZFS does; the usable figures
   * come from the root dataset.
   *
   * @param status ONLINE, DEGRADED, FAULTED, OFFLINE, UNAVAIL or REMOVED
   */
  public record Pool(String status, @Nullable String statusDetail, @Nullable Long rawSize, @Nullable Long rawAllocated,
      @Nullable Integer fragmentationPercent, long readErrors, long writeErrors, long checksumErrors, @Nullable Scan scan,
      List<Vdev> vdevs) {
    public Pool {
      vdevs = List.copyOf(vdevs);
    }
  }

  /** The last or running scrub or resilver; {@code percent} 0–100. */
  public record Scan(String function, String state, @Nullable Double percent, @Nullable Instant endedAt, long errors) {}

  /** A vdev or a disk in it; {@code disk} is the disk's name, or what it was when it is missing. */
  public record Vdev(String name, String type, String status, @Nullable String disk, long readErrors, long writeErrors,
      long checksumErrors, List<Vdev> children) {
    public Vdev {
      children = List.copyOf(children);
    }
  }

  /**
   * @param compressRatio for example 1.38
   * @param snapshots how many snapshots it has
   * @param newestSnapshot when the newest was taken, or {@code null} when there is none
   */
  public record Dataset(String pool, @Nullable Double compressRatio, @Nullable Long quotaBytes, boolean encrypted,
      boolean locked, @Nullable String mountpoint, int snapshots, @Nullable Instant newestSnapshot) {}
}
