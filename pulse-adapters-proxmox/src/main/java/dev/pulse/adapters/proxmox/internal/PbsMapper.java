package dev.pulse.adapters.proxmox.internal;

import static dev.pulse.adapters.proxmox.internal.PveJson.integer;
import static dev.pulse.adapters.proxmox.internal.PveJson.number;
import static dev.pulse.adapters.proxmox.internal.PveJson.text;
import static dev.pulse.adapters.proxmox.internal.PveJson.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.DatastoreFacet;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.HostFacet;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.PbsFacet;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.StorageFacet;
import dev.pulse.domain.resource.UsageMetric;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.SourceKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps Proxmox Backup Server answers: the server itself ({@code /nodes/localhost/status}, whose
 * disk is {@code root}, not {@code rootfs}, and whose load averages are real numbers), its
 * datastores ({@code /status/datastore-usage}, where an estimated full date of 0 means "not
 * growing"), and its jobs. Pure. Internal: not API.
 */
public final class PbsMapper {

  public static final String PLATFORM = "pbs";
  public static final String SERVER_KEY = "pbs";

  private PbsMapper() {}

  public static ObservedResource server(String name, JsonNode status, JsonNode version, List<PbsFacet.Job> jobs) {
    JsonNode cpuinfo = status.path("cpuinfo");
    Integer threads = integer(cpuinfo, "cpus");
    Double cpu = number(status, "cpu");
    Metrics metrics = Metrics.of(
            cpu == null ? null : CpuMetric.fromFraction(cpu, threads == null ? 0 : threads, PLATFORM),
            UsageMetric.of(whole(status.path("memory"), "used"), whole(status.path("memory"), "total"), PLATFORM),
            UsageMetric.of(whole(status.path("root"), "used"), whole(status.path("root"), "total"), PLATFORM))
        .withSwap(UsageMetric.of(whole(status.path("swap"), "used"), whole(status.path("swap"), "total"), PLATFORM));
    List<Double> load = new ArrayList<>();
    for (int i = 0; i < status.path("loadavg").size(); i++) {
      Double v = PveJson.number(status.path("loadavg"), i);
      if (v != null) {
        load.add(v);
      }
    }
    String kversion = text(status, "kversion");
    String[] kernelParts = kversion == null ? new String[0] : kversion.split("\\s+");
    String versionText = version == null ? null
        : text(version, "release") != null ? text(version, "version") + "-" + text(version, "release") : text(version, "version");
    HostFacet host = new HostFacet(kernelParts.length > 1 ? kernelParts[1] : null, versionText, text(cpuinfo, "model"),
        integer(cpuinfo, "sockets"), null, threads, load, null, null, null);
    PbsFacet pbs = new PbsFacet(versionText, text(status.path("info"), "fingerprint"), jobs);
    boolean jobFailed = jobs.stream().anyMatch(j -> j.outcome().equals("error"));
    return new ObservedResource(SERVER_KEY, ResourceType.PBS, name, jobFailed ? ResourceStatus.WARNING : ResourceStatus.ONLINE,
        null, Identity.ofHostname(name), metrics, List.of(), Facets.NONE.withHost(host).withPbs(pbs));
  }

  /** Datastore resources from {@code /status/datastore-usage}, with what the slow tier learned. */
  public static ObservedResource datastore(String serverName, JsonNode usage, String maintenance, Instant lastGc,
      List<DatastoreFacet.BackupGroup> groups, int groupsTotal) {
    String store = text(usage, "store");
    String error = text(usage, "error");
    JsonNode gc = usage.path("gc-status");
    Long indexed = whole(gc, "index-data-bytes");
    Long onDisk = whole(gc, "disk-bytes");
    Double dedup = indexed != null && onDisk != null && onDisk > 0 ? indexed / (double) onDisk : null;
    Long full = whole(usage, "estimated-full-date");
    Instant estimatedFull = full != null && full > 0 ? Instant.ofEpochSecond(full) : null;
    Boolean growing = full == null ? null : full > 0;
    DatastoreFacet facet = new DatastoreFacet(store, dedup, estimatedFull, growing, lastGc, maintenance, error, groups, groupsTotal);
    boolean verifyFailed = groups.stream().anyMatch(g -> "failed".equals(g.verification()));
    ResourceStatus status = error != null ? ResourceStatus.OFFLINE : verifyFailed ? ResourceStatus.WARNING : ResourceStatus.ONLINE;
    UsageMetric disk = error != null ? null : UsageMetric.of(whole(usage, "used"), whole(usage, "total"), PLATFORM);
    return new ObservedResource(SourceKeys.of("datastore-", store), ResourceType.STORAGE, store, status, SERVER_KEY, Identity.EMPTY,
        Metrics.of(null, null, disk), List.of(),
        Facets.NONE.withStorage(new StorageFacet("pbs-datastore", false, List.of("backup"), List.of(serverName))).withDatastore(facet));
  }

  /** One job from {@code /admin/gc}, {@code /admin/verify}, {@code /admin/sync} or {@code /admin/prune}. */
  public static PbsFacet.Job job(String kind, JsonNode j) {
    String state = text(j, "last-run-state");
    String id = text(j, "id") != null ? text(j, "id") : text(j, "store");
    return new PbsFacet.Job(kind, id == null ? kind : id, text(j, "store"), text(j, "schedule"), state, outcome(state),
        epoch(whole(j, "last-run-endtime")), epoch(whole(j, "next-run")));
  }

  /** PBS task states: {@code OK}, {@code WARNINGS: n}, or the error text. */
  static String outcome(String state) {
    if (state == null) {
      return "never";
    }
    if (state.equals("OK")) {
      return "ok";
    }
    return state.toUpperCase(Locale.ROOT).startsWith("WARNINGS") ? "warning" : "error";
  }

  static Instant epoch(Long seconds) {
    return seconds == null || seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
  }
}
