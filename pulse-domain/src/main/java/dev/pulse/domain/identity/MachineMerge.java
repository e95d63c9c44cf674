package dev.pulse.domain.identity;

import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.SourceRef;
import dev.pulse.domain.resource.SourceStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Folds several sources' views of one machine into the one resource people see. Pure.
 *
 * <p>The primary view (a polled API's node or guest) gives the id, name, type, parent and facets.
 * Each secondary view (an agent's) adds its source, its identity evidence and the facets the
 * primary lacks, such as temperatures. While an agent is healthy its memory, disk and swap win,
 * since it measures them from inside (memory from MemAvailable, filesystems by statvfs); CPU and
 * rates stay the primary's unless it has none. Status: warning if any fresh view warns, online if
 * any fresh view is online, offline only when every fresh view says so, unknown when none is fresh.
 */
public final class MachineMerge {

  private MachineMerge() {}

  public static Resource combine(Resource primary, List<Resource> secondaries) {
    if (secondaries.isEmpty()) {
      return primary;
    }
    List<SourceRef> sources = new ArrayList<>(primary.sources());
    Set<String> tags = new LinkedHashSet<>(primary.tags());
    Metrics metrics = primary.metrics();
    Facets facets = primary.facets();
    Identity identity = primary.identity();
    List<Resource> all = new ArrayList<>(secondaries.size() + 1);
    all.add(primary);
    for (Resource s : secondaries) {
      all.add(s);
      sources.addAll(s.sources());
      tags.addAll(s.tags());
      metrics = overlay(metrics, s.metrics(), healthy(s));
      facets = fill(facets, s.facets());
      identity = union(identity, s.identity());
    }
    return new Resource(primary.id(), primary.type(), primary.name(), status(all), primary.parentId(), sources, identity,
        metrics, List.copyOf(tags), facets);
  }

  private static boolean healthy(Resource view) {
    return view.sources().stream().allMatch(s -> s.status() == SourceStatus.HEALTHY);
  }

  private static Metrics overlay(Metrics base, Metrics agent, boolean agentFresh) {
    return new Metrics(
        prefer(base.cpu(), agent.cpu()),
        agentFresh ? prefer(agent.memory(), base.memory()) : prefer(base.memory(), agent.memory()),
        agentFresh ? prefer(agent.disk(), base.disk()) : prefer(base.disk(), agent.disk()),
        agentFresh ? prefer(agent.swap(), base.swap()) : prefer(base.swap(), agent.swap()),
        prefer(base.netIn(), agent.netIn()),
        prefer(base.netOut(), agent.netOut()),
        prefer(base.diskRead(), agent.diskRead()),
        prefer(base.diskWrite(), agent.diskWrite()));
  }

  private static <T> @Nullable T prefer(@Nullable T first, @Nullable T second) {
    return first != null ? first : second;
  }

  private static Facets fill(Facets base, Facets extra) {
    return base
        .withHost(prefer(base.host(), extra.host()))
        .withAgent(prefer(base.agent(), extra.agent()))
        .withDisk(prefer(base.disk(), extra.disk()))
        .withGuest(prefer(base.guest(), extra.guest()));
  }

  private static Identity union(Identity a, Identity b) {
    return new Identity(prefer(a.machineId(), b.machineId()), prefer(a.dmiUuid(), b.dmiUuid()),
        distinct(a, b, Identity::hostnames), distinct(a, b, Identity::ips), distinct(a, b, Identity::macs));
  }

  private static List<String> distinct(Identity a, Identity b, Function<Identity, List<String>> field) {
    Set<String> out = new LinkedHashSet<>(field.apply(a));
    out.addAll(field.apply(b));
    return List.copyOf(out);
  }

  private static ResourceStatus status(List<Resource> views) {
    boolean anyKnown = false;
    boolean anyOnline = false;
    for (Resource v : views) {
      switch (v.status()) {
        case WARNING:
          return ResourceStatus.WARNING;
        case ONLINE:
          anyOnline = true;
          anyKnown = true;
          break;
        case OFFLINE:
          anyKnown = true;
          break;
        default:
          break;
      }
    }
    return anyOnline ? ResourceStatus.ONLINE : anyKnown ? ResourceStatus.OFFLINE : ResourceStatus.UNKNOWN;
  }
}
