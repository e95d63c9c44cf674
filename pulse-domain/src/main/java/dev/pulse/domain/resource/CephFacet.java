package dev.pulse.domain.resource;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Facts of a Ceph cluster.
 *
 * @param health {@code HEALTH_OK}, {@code HEALTH_WARN} or {@code HEALTH_ERR}
 * @param checks the health checks that fire, for example {@code OSD_DOWN}
 * @param degradedPercent the share of objects degraded, 0–100, {@code null} when none is reported
 */
public record CephFacet(
    String health,
    List<Check> checks,
    int monitors,
    List<String> quorum,
    int osds,
    int osdsUp,
    int osdsIn,
    int placementGroups,
    List<PgState> pgStates,
    @Nullable Double degradedPercent,
    List<Pool> pools) {

  public CephFacet {
    checks = List.copyOf(checks);
    quorum = List.copyOf(quorum);
    pgStates = List.copyOf(pgStates);
    pools = List.copyOf(pools);
  }

  /** A firing health check: its name, severity and summary. */
  public record Check(String name, String severity, String summary) {}

  /** How many placement groups are in a state such as {@code active+clean}. */
  public record PgState(String state, int count) {}

  /** A pool: replicas, placement groups and use; {@code percentUsed} is 0–100. */
  public record Pool(String name, @Nullable Integer size, @Nullable Integer minSize, @Nullable Integer pgNum,
      @Nullable Long usedBytes, @Nullable Double percentUsed) {}
}
