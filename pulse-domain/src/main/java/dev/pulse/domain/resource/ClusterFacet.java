package dev.pulse.domain.resource;

import org.jspecify.annotations.Nullable;

/**
 * The cluster a node belongs to, as that node's source sees it.
 *
 * @param name the cluster name, {@code null} for a standalone node
 * @param quorate whether the cluster has quorum; a standalone node is always quorate
 */
public record ClusterFacet(@Nullable String name, boolean quorate, int nodes, int nodesOnline) {}
