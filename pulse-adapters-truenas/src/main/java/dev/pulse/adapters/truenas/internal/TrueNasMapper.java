package dev.pulse.adapters.truenas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.domain.resource.DiskFacet;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.HostFacet;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.StorageFacet;
import dev.pulse.domain.resource.TrueNasFacet;
import dev.pulse.domain.resource.UsageMetric;
import dev.pulse.domain.resource.ZfsPoolFacet;
import dev.pulse.domain.source.ObservedResource;
import dev.pulse.domain.source.SourceKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps TrueNAS's answers to resources: the system as an {@code agent} (with TrueNAS's alerts), each
 * pool and dataset as {@code storage} (datasets with their snapshot count and newest snapshot), each
 * disk as a {@code physical_disk}, apps as {@code app-container}s and VMs as {@code vm}s; replication
 * tasks go with the system, whose status warns when one fails. Dates arrive as
 * {@code {"$date": ms}}. Pool sizes from {@code pool.query} count parity, so a pool's usage is its
 * root dataset's used over used + available; datasets are taken from the top level of the flat
 * list only, since children are also nested inside their parents. Pure. Internal: not API.
 */
public final class TrueNasMapper {

  public static final String PLATFORM = "truenas";
  static final String SYSTEM_KEY = "system";
  private static final Set<String> LOUD = Set.of("ERROR", "CRITICAL", "ALERT", "EMERGENCY");

  private TrueNasMapper() {}

  public static final String REALTIME = "reporting.realtime";
  public static final String APP_STATS = "app.stats";

  /**
   * What the slow tier read; the optional families are empty arrays where the system has none.
   *
   * @param boot {@code boot.get_state}: the boot pool, its vdevs under {@code groups}
   */
  public record Inventory(JsonNode pools, JsonNode datasets, JsonNode disks, JsonNode temps, JsonNode alerts,
      JsonNode snapshots, JsonNode replications, JsonNode apps, JsonNode vms, JsonNode smart, JsonNode network, JsonNode smb,
      JsonNode nfs, JsonNode boot) {}

  /**
   * The newest pushed events, each {@code null} when none arrived lately (always over REST).
   *
   * @param realtime {@code reporting.realtime}'s fields
   * @param appStats {@code app.stats}'s fields: one entry per app
   */
  public record Live(JsonNode realtime, JsonNode appStats) {}

  public static List<ObservedResource> map(JsonNode system, Inventory a, Live live, String transport) {
    JsonNode pools = a.pools();
    JsonNode datasets = a.datasets();
    JsonNode disks = a.disks();
    JsonNode temps = a.temps();
    List<ObservedResource> out = new ArrayList<>();
    String hostname = system.path("hostname").asText("truenas");
    Long physmem = number(system.path("physmem"));
    int cores = system.path("cores").asInt(0);
    List<TrueNasFacet.Share> shares = new ArrayList<>();
    a.smb().forEach(sh -> shares.add(new TrueNasFacet.Share("smb", sh.path("name").asText(""), sh.path("path").asText(""),
        sh.path("enabled").asBoolean(true))));
    a.nfs().forEach(sh -> shares.add(new TrueNasFacet.Share("nfs", sh.path("path").asText(""), sh.path("path").asText(""),
        sh.path("enabled").asBoolean(true))));
    List<String> ips = new ArrayList<>();
    a.network().path("ips").forEach(nic -> {
      nic.path("IPV4").forEach(ip -> ips.add(ip.asText()));
      nic.path("IPV6").forEach(ip -> ips.add(ip.asText()));
    });
    out.add(system(system, a.alerts(), a.replications(), shares, ips, hostname, transport, TrueNasLive.arcBytes(live.realtime()))
        .withMetrics(TrueNasLive.system(live.realtime(), cores)));
    Map<String, List<Instant>> snapshots = new HashMap<>();
    for (JsonNode snap : a.snapshots()) {
      snapshots.computeIfAbsent(snap.path("dataset").asText(""), k -> new ArrayList<>())
          .add(date(snap.at("/properties/creation/parsed")));
    }
    Map<String, JsonNode> roots = new HashMap<>();
    for (JsonNode d : datasets) {
      if (!d.path("id").asText("").contains("/")) {
        roots.put(d.path("id").asText(), d);
      }
    }
    Map<String, String> diskState = new HashMap<>();
    for (JsonNode pool : pools) {
      out.add(TrueNasPools.pool(pool, roots.get(pool.path("name").asText()), false, hostname, diskState));
    }
    if (a.boot().isObject() && a.boot().has("name")) { // boot-pool (SCALE) or freenas-boot (CORE)
      out.add(TrueNasPools.pool(a.boot(), null, true, hostname, new HashMap<>()));
    }
    for (JsonNode d : datasets) { // the top level lists every dataset once; nested children repeat them
      if (d.path("id").asText("").contains("/")) {
        out.add(dataset(d, snapshots.getOrDefault(d.path("id").asText(), List.of())));
      }
    }
    Map<String, String> lastTest = new HashMap<>();
    for (JsonNode result : a.smart()) {
      JsonNode newest = result.path("tests").path(0); // smartctl lists the newest test first
      if (newest.has("status")) {
        lastTest.put(result.path("disk").asText(), newest.path("status").asText());
      }
    }
    for (JsonNode disk : disks) {
      out.add(disk(disk, temps, hostname, diskState, lastTest.get(disk.path("name").asText())));
    }
    for (JsonNode app : a.apps()) {
      ObservedResource mapped = app(app);
      out.add(mapped.withMetrics(TrueNasLive.app(live.appStats(), mapped.name(), physmem, cores)));
    }
    for (JsonNode vm : a.vms()) {
      out.add(vm(vm));
    }
    return out;
  }

  private static ObservedResource app(JsonNode app) {
    String name = app.path("name").asText(app.path("id").asText("app"));
    String state = app.path("state").asText("UNKNOWN");
    ResourceStatus status = switch (state) {
      case "RUNNING" -> ResourceStatus.ONLINE;
      case "STOPPED" -> ResourceStatus.OFFLINE;
      case "CRASHED" -> ResourceStatus.WARNING;
      default -> ResourceStatus.UNKNOWN; // DEPLOYING, STOPPING…
    };
    return new ObservedResource(SourceKeys.of("app-", name), ResourceType.APP_CONTAINER, name, status, SYSTEM_KEY, Identity.EMPTY,
        Metrics.UNKNOWN, List.of(), Facets.NONE.withTruenas(TrueNasFacet.ofApp(new TrueNasFacet.App(state,
            text(app.path("human_version")) != null ? text(app.path("human_version")) : text(app.path("version"))))));
  }

  private static ObservedResource vm(JsonNode vm) {
    String state = vm.at("/status/state").asText("UNKNOWN");
    Long memoryMib = number(vm.path("memory"));
    TrueNasFacet.Vm facet = new TrueNasFacet.Vm(state, vm.path("vcpus").isInt() ? vm.path("vcpus").asInt() : null,
        memoryMib == null ? null : memoryMib * 1024 * 1024, vm.path("autostart").asBoolean(false));
    ResourceStatus status = state.equals("RUNNING") ? ResourceStatus.ONLINE
        : state.equals("STOPPED") ? ResourceStatus.OFFLINE : ResourceStatus.UNKNOWN;
    String name = vm.path("name").asText("vm");
    return new ObservedResource(SourceKeys.of("vm-", vm.path("id").asText(name)), ResourceType.VM, name, status, SYSTEM_KEY,
        Identity.ofHostname(name), Metrics.UNKNOWN, List.of(), Facets.NONE.withTruenas(TrueNasFacet.ofVm(facet)));
  }

  /** @param ips the box's addresses, so that a Pulse agent running on it is recognised as it */
  private static ObservedResource system(JsonNode s, JsonNode alerts, JsonNode replications, List<TrueNasFacet.Share> shares,
      List<String> ips, String hostname, String transport, Long arcBytes) {
    List<TrueNasFacet.Alert> list = new ArrayList<>();
    boolean loud = false;
    for (JsonNode a : alerts) {
      boolean dismissed = a.path("dismissed").asBoolean(false);
      String level = a.path("level").asText("INFO");
      loud |= !dismissed && LOUD.contains(level);
      list.add(new TrueNasFacet.Alert(a.path("uuid").asText(""), level, a.path("klass").asText(a.path("source").asText("")),
          a.path("formatted").asText(""), dismissed, date(a.path("datetime"))));
    }
    List<TrueNasFacet.Replication> tasks = new ArrayList<>();
    for (JsonNode r : replications) {
      JsonNode state = r.path("state");
      List<String> sources = new ArrayList<>();
      r.path("source_datasets").forEach(d -> sources.add(d.asText()));
      boolean enabled = r.path("enabled").asBoolean(true);
      String st = state.path("state").asText("PENDING");
      loud |= enabled && st.equals("ERROR");
      tasks.add(new TrueNasFacet.Replication(r.path("name").asText(""), st, enabled, date(state.path("datetime")),
          text(state.path("error")), sources, text(r.path("target_dataset"))));
    }
    List<Double> load = new ArrayList<>();
    s.path("loadavg").forEach(l -> load.add(l.asDouble()));
    HostFacet host = new HostFacet(null, s.path("version").asText(null), text(s.path("model")), null,
        s.path("physical_cores").isInt() ? s.path("physical_cores").asInt() : null, s.path("cores").isInt() ? s.path("cores").asInt() : null,
        load, null, null, null);
    TrueNasFacet.System facet = new TrueNasFacet.System(s.path("version").asText("unknown"), text(s.path("system_serial")),
        text(s.path("system_manufacturer")), s.path("ecc_memory").isBoolean() ? s.path("ecc_memory").asBoolean() : null,
        date(s.path("boottime")), transport, list, tasks, shares, arcBytes);
    return new ObservedResource(SYSTEM_KEY, ResourceType.AGENT, hostname, loud ? ResourceStatus.WARNING : ResourceStatus.ONLINE,
        null, new Identity(null, null, List.of(hostname), ips, List.of()), Metrics.UNKNOWN, List.of(),
        Facets.NONE.withHost(host).withTruenas(TrueNasFacet.ofSystem(facet)));
  }

  private static ObservedResource dataset(JsonNode d, List<Instant> snapshots) {
    String id = d.path("id").asText();
    Long used = number(d.at("/used/parsed"));
    Long available = number(d.at("/available/parsed"));
    String ratio = d.at("/compressratio/parsed").asText(d.at("/compressratio/rawvalue").asText(""));
    Double compress = null;
    try {
      compress = ratio.isEmpty() ? null : Double.valueOf(ratio.replace("x", ""));
    } catch (NumberFormatException e) {
      compress = null;
    }
    boolean locked = d.path("locked").asBoolean(false);
    TrueNasFacet.Dataset facet = new TrueNasFacet.Dataset(d.path("pool").asText(""), compress, number(d.at("/quota/parsed")),
        d.path("encrypted").asBoolean(false), locked, text(d.path("mountpoint")), snapshots.size(),
        snapshots.stream().filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null));
    return new ObservedResource(SourceKeys.of("dataset-", id.replace('/', '.')), ResourceType.STORAGE, id,
        locked ? ResourceStatus.WARNING : ResourceStatus.ONLINE, SourceKeys.of("pool-", d.path("pool").asText()), Identity.EMPTY,
        Metrics.of(null, null, used == null || available == null ? null : UsageMetric.of(used, used + available, PLATFORM)), List.of(),
        Facets.NONE.withTruenas(TrueNasFacet.ofDataset(facet)));
  }

  /**
   * @param smartTest the status of the disk's newest SMART self-test (SUCCESS, FAILED, RUNNING…), or {@code null}
   */
  private static ObservedResource disk(JsonNode d, JsonNode temps, String hostname, Map<String, String> diskState, String smartTest) {
    String name = d.path("name").asText();
    JsonNode temp = temps.path(name);
    String inPool = diskState.get(name);
    String type = d.path("type").asText("UNKNOWN");
    if ("NVME".equals(d.path("bus").asText())) {
      type = "NVME";
    }
    boolean failedTest = "FAILED".equals(smartTest);
    boolean poolTrouble = inPool != null && !inPool.equals("ONLINE");
    String health = failedTest ? "FAILED" : poolTrouble ? inPool : "SUCCESS".equals(smartTest) ? "PASSED" : "UNKNOWN";
    DiskFacet facet = new DiskFacet(hostname, "/dev/" + name, text(d.path("model")), text(d.path("serial")), type,
        number(d.path("size")), health, null, temp.isNumber() ? temp.asInt() : null,
        d.path("rotationrate").isInt() ? d.path("rotationrate").asInt() : null, text(d.path("pool")));
    ResourceStatus status = failedTest || poolTrouble ? ResourceStatus.WARNING : ResourceStatus.ONLINE;
    return new ObservedResource(SourceKeys.of("disk-", name), ResourceType.PHYSICAL_DISK, hostname + " " + name, status, SYSTEM_KEY,
        Identity.EMPTY, Metrics.UNKNOWN, List.of(), Facets.NONE.withDisk(facet));
  }

  /** {@code {"$date": ms}} → an instant; anything else → {@code null}. */
  static Instant date(JsonNode node) {
    JsonNode ms = node.path("$date");
    return ms.isNumber() ? Instant.ofEpochMilli(ms.asLong()) : null;
  }

  static Long number(JsonNode n) {
    if (n.isNumber()) {
      return n.asLong();
    }
    if (n.isTextual()) {
      try {
        return Long.valueOf(n.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static Integer integer(JsonNode n) {
    Long v = number(n);
    return v == null ? null : v.intValue();
  }

  static String text(JsonNode n) {
    return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
  }
}
