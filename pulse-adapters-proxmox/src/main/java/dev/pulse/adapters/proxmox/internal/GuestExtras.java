package dev.pulse.adapters.proxmox.internal;

import dev.pulse.domain.resource.GuestFacet;
import dev.pulse.domain.resource.ProtectionFacet;
import dev.pulse.domain.resource.RateMetric;

/**
 * What the collector knows about a guest beyond {@code /cluster/resources}: I/O rates derived from
 * its counters, its balloon size, what its agent reported, and its backups and replication. Any part may be {@code null}.
 * Internal: not API.
 *
 * @param balloonBytes the memory the balloon driver currently gives the guest
 */
public record GuestExtras(RateMetric netIn, RateMetric netOut, RateMetric diskRead, RateMetric diskWrite, Long balloonBytes,
    GuestFacet agent, ProtectionFacet protection) {

  public static final GuestExtras NONE = new GuestExtras(null, null, null, null, null, null, null);
}
