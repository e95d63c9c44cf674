package dev.pulse.domain.resource;

import org.jspecify.annotations.Nullable;

/**
 * Facts of a physical disk. {@code null} fields are unknown.
 *
 * @param type {@code hdd}, {@code ssd}, {@code nvme}, {@code usb} or {@code unknown}
 * @param health the SMART verdict: {@code PASSED}, {@code OK}, {@code FAILED} or {@code UNKNOWN}
 * @param wearoutRemainingPercent life left, 100 = new; {@code null} for disks that do not report it
 * @param temperatureCelsius from SMART, when the disk reports it
 * @param usedBy what uses it: {@code ZFS}, {@code LVM}, {@code ext4}…; {@code null} when unused
 */
public record DiskFacet(
    String node,
    String devpath,
    @Nullable String model,
    @Nullable String serial,
    String type,
    @Nullable Long sizeBytes,
    String health,
    @Nullable Integer wearoutRemainingPercent,
    @Nullable Integer temperatureCelsius,
    @Nullable Integer rpm,
    @Nullable String usedBy) {}
