package dev.pulse.http.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.pulse.domain.resource.CpuMetric;
import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.RateMetric;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.SourceRef;
import dev.pulse.domain.resource.UsageMetric;
import java.util.List;

/**
 * The wire form of a resource (see docs/api.md). Unknown metrics are {@code null}, never 0. The
 * facets ({@code proxmox}, {@code storage}, {@code host}, {@code guest}, {@code disk}, {@code zfs})
 * appear as top-level members, {@code null} when absent. Internal: not API.
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
    @JsonUnwrapped Facets facets) {

  public record SourceJson(String sourceId, String sourceKey, String status, String lastSeen, String error) {}

  public record IdentityJson(String machineId, String dmiUuid, List<String> hostnames, List<String> ips, List<String> macs) {}

  public record CpuJson(double percent, int cores, String source) {}

  public record UsageJson(long used, long total, Double percent, String source) {}

  public record RateJson(double bytesPerSecond, String source) {}

  public record MetricsJson(CpuJson cpu, UsageJson memory, UsageJson disk, UsageJson swap, RateJson netIn, RateJson netOut,
      RateJson diskRead, RateJson diskWrite) {}

  public static ResourceJson of(Resource r) {
    Identity i = r.identity();
    var m = r.metrics();
    return new ResourceJson(r.id(), r.type().wireName(), r.name(), r.status().wireName(), r.parentId(), r.tags(),
        r.sources().stream().map(ResourceJson::source).toList(),
        new IdentityJson(i.machineId(), i.dmiUuid(), i.hostnames(), i.ips(), i.macs()),
        new MetricsJson(cpu(m.cpu()), usage(m.memory()), usage(m.disk()), usage(m.swap()), rate(m.netIn()), rate(m.netOut()),
            rate(m.diskRead()), rate(m.diskWrite())),
        r.facets());
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

  private static RateJson rate(RateMetric r) {
    return r == null ? null : new RateJson(Math.round(r.bytesPerSecond()), r.source());
  }

  /** Two decimals: finer than any display, coarse enough to keep deltas small. */
  private static double round(double v) {
    return Math.round(v * 100.0) / 100.0;
  }
}
