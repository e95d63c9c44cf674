package dev.pulse.domain.resource;

import org.jspecify.annotations.Nullable;

/**
 * Proxmox VE facts about a node or a guest.
 *
 * @param node the node the resource runs on
 * @param vmid the guest id, {@code null} for nodes
 * @param template whether the guest is a template
 * @param lock the guest's lock (backup, migrate, snapshot…), {@code null} when unlocked
 * @param hastate the HA manager's state, {@code null} when unmanaged
 * @param pool the resource pool, {@code null} when none
 * @param status the status PVE reported, unmapped
 * @param uptimeSeconds seconds since start, {@code null} when unknown
 */
public record ProxmoxFacet(
    String node,
    @Nullable Integer vmid,
    boolean template,
    @Nullable String lock,
    @Nullable String hastate,
    @Nullable String pool,
    String status,
    @Nullable Long uptimeSeconds) {}
