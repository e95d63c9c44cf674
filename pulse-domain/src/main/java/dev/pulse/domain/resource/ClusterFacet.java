package dev.pulse.domain.resource;

import org.jspecify.annotations.Nullable;

/**
 * The cluster a node belongs to, as that node's source sees it.
 *
 * @param name the cluster name, {@code null} for a standalone node
 * @param quorate whether the cluster has quorum; a standalone node is always quorate
 * @param haManager the node running the active HA manager, {@code null} when unknown or without HA
 * @param haStatus the HA stack's quorum status ({@code OK} or PVE's text), {@code null} when unknown
 */
public record ClusterFacet(@Nullable String name, boolean quorate, int nodes, int nodesOnline, @Nullable String haManager,
    @Nullable String haStatus) {

  public ClusterFacet withHa(@Nullable String manager, @Nullable String status) {
    return new ClusterFacet(name, quorate, nodes, nodesOnline, manager, status);
  }
}
