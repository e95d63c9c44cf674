package dev.pulse.http.internal;

import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.ProxmoxFacet;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.SourceRef;
import dev.pulse.domain.resource.StorageFacet;
import dev.pulse.domain.resource.UsageMetric;
import java.util.List;

/**
 * The wire form of a resource (see docs/api.md). Unknown metrics are {@code null}, never 0.
 * Internal: not API.
 */
public record ResourceJson(
    String id,
    String type,
    String name,
    String status,
    String parentId,
    List<String> tags,
    List<SourceJson> sources,
    IdentityJson identity,
    MetricsJson metrics,
    ProxmoxJson proxmox,
    StorageJson storage) {

  public record SourceJson(String sourceId, String sourceKey, String status, String lastSeen, String error) {}

  public record IdentityJson(String machineId, String dmiUuid, List<String> hostnames, List<String> ips, List<String> macs) {}

  public record CpuJson(double percent, int cores, String source) {}

  public record UsageJson(long used, long total, Double percent, String source) {}

  public record MetricsJson(CpuJson cpu, UsageJson memory, UsageJson disk) {}

  public record ProxmoxJson(String node, Integer vmid, boolean template, String lock, String hastate, String pool,
      String status, Long uptime) {}

  public record StorageJson(String plugin, boolean shared, List<String> content, List<String> nodes) {}

  public static ResourceJson of(Resource r) {
    Identity i = r.identity();
    ProxmoxFacet p = r.proxmox();
    StorageFacet s = r.storage();
    return new ResourceJson(r.id(), r.type().wireName(), r.name(), r.status().wireName(), r.parentId(), r.tags(),
        r.sources().stream().map(ResourceJson::source).toList(),
        new IdentityJson(i.machineId(), i.dmiUuid(), i.hostnames(), i.ips(), i.macs()),
        new MetricsJson(cpu(r.metrics().cpu()), usage(r.metrics().memory()), usage(r.metrics().disk())),
        p == null ? null : new ProxmoxJson(p.node(), p.vmid(), p.template(), p.lock(), p.hastate(), p.pool(), p.rawStatus(),
            p.uptimeSeconds()),
        s == null ? null : new StorageJson(s.pluginType(), s.shared(), s.content(), s.nodes()));
  }

  private static SourceJson source(SourceRef s) {
    return new SourceJson(s.sourceId(), s.sourceKey(), s.status().wireName(), s.lastSeen().toString(), s.error());
  }

  private static CpuJson cpu(CpuMetric c) {
    return c == null ? null : new CpuJson(round(c.percent()), c.cores(), c.source());
  }

  private static UsageJson usage(UsageMetric u) {
    return u == null ? null : new UsageJson(u.used(), u.total(), u.percent() == null ? null : round(u.percent()), u.source());
  }

  /** Two decimals: finer than any display, coarse enough to keep deltas small. */
  private static double round(double v) {
    return Math.round(v * 100.0) / 100.0;
  }
}
