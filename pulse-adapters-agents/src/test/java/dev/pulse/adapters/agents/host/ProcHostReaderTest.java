package dev.pulse.adapters.agents.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcHostReaderTest {

  @TempDir Path root;

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private void fixture() throws IOException {
    write("proc/sys/kernel/hostname", "pve1\n");
    write("proc/sys/kernel/osrelease", "6.8.12-4-pve\n");
    write("etc/machine-id", "4c4c45440032b6108039c4c04f4d4d31\n");
    write("sys/class/dmi/id/product_uuid", "4c4c4544-0032-b610-8039-c4c04f4d4d31\n");
    write("proc/stat", """
        cpu  1000 0 500 8000 500 0 0 0 0 0
        cpu0 500 0 250 4000 250 0 0 0 0 0
        cpu1 500 0 250 4000 250 0 0 0 0 0
        intr 12345
        """);
    write("proc/loadavg", "0.52 0.61 0.58 2/512 12345\n");
    write("proc/meminfo", """
        MemTotal:       65536000 kB
        MemFree:         1024000 kB
        MemAvailable:   40960000 kB
        Buffers:          512000 kB
        SwapTotal:       8388608 kB
        SwapFree:        8384512 kB
        """);
    write("proc/net/dev", """
        Inter-|   Receive                                                |  Transmit
         face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
            lo: 999 9 0 0 0 0 0 0 999 9 0 0 0 0 0 0
          eth0: 123456789 1000 0 0 0 0 0 0 98765432 900 0 0 0 0 0 0
        """);
    write("proc/mounts", """
        /dev/nvme0n1p2 / ext4 rw,relatime 0 0
        proc /proc proc rw 0 0
        tmpfs /run tmpfs rw 0 0
        /dev/nvme0n1p2 /var/lib/docker ext4 rw,relatime 0 0
        rpool/data /rpool/data zfs rw 0 0
        /dev/sdb1 /mnt/my\\040disk xfs rw 0 0
        """);
    write("sys/class/net/eth0/address", "bc:24:11:5e:0a:01\n");
    write("proc/diskstats", """
         259       0 nvme0n1 50000 100 2000000 3000 80000 200 4000000 9000 0 10000 12000 0 0 0 0
         259       1 nvme0n1p1 10 0 20 1 0 0 0 0 0 1 1 0 0 0 0
           8      16 sdb 1000 0 8000 100 500 0 1000 50 0 100 150 0 0 0 0
           8      17 sdb1 900 0 7000 90 400 0 900 40 0 90 130 0 0 0 0
           7       0 loop0 10 0 80 1 0 0 0 0 0 1 1 0 0 0 0
        """);
    write("sys/class/hwmon/hwmon0/name", "k10temp\n");
    write("sys/class/hwmon/hwmon0/temp1_input", "54125\n");
    write("sys/class/hwmon/hwmon0/temp1_label", "Tctl\n");
    write("sys/class/hwmon/hwmon1/name", "nvme\n");
    write("sys/class/hwmon/hwmon1/temp1_input", "41850\n");
    write("sys/class/thermal/thermal_zone0/type", "acpitz\n");
    write("sys/class/thermal/thermal_zone0/temp", "27800\n");
  }

  @Test
  void aFixtureTreeGivesItsKnownAnswers() throws IOException {
    fixture();
    HostSample s = new ProcHostReader(root, nic -> nic.equals("eth0") ? List.of("10.0.0.11/24") : List.of()).read();

    assertEquals("pve1", s.hostname());
    assertEquals("4c4c45440032b6108039c4c04f4d4d31", s.machineId());
    assertEquals("4c4c4544-0032-b610-8039-c4c04f4d4d31", s.dmiUuid());
    assertEquals("6.8.12-4-pve", s.kernel());
    assertEquals(2, s.cpuCount());
    assertEquals(List.of(0.52, 0.61, 0.58), s.loadAverage());
    assertEquals(65_536_000L * 1024, s.memoryTotalBytes(), "kB in /proc/meminfo means KiB");
    assertEquals((65_536_000L - 40_960_000L) * 1024, s.memoryUsedBytes(), "used = MemTotal − MemAvailable");
    assertEquals(4096L * 1024, s.swapUsedBytes());
    assertEquals(Map.of("eth0", new HostSample.NetCounters(123_456_789L, 98_765_432L, "bc:24:11:5e:0a:01", List.of("10.0.0.11/24"))),
        s.network(), "loopback left out");
    assertEquals(Map.of("nvme0n1", new HostSample.DiskCounters(2_000_000L * 512, 4_000_000L * 512),
        "sdb", new HostSample.DiskCounters(8000L * 512, 1000L * 512)), s.disks(), "whole disks only, sectors of 512 bytes");
    assertEquals(Map.of("k10temp/Tctl", 54.125, "nvme/temp1", 41.85, "thermal/acpitz", 27.8), s.temperaturesCelsius());
    assertEquals(List.of("/", "/rpool/data", "/mnt/my disk"), s.mounts().stream().map(HostSample.Mount::mountpoint).toList(),
        "pseudo filesystems and the bind mount of / are left out; octal escapes decoded");
  }

  @Test
  void cpuUseComesFromTheDifferenceOfTwoReadings() {
    HostSample.CpuTimes earlier = new HostSample.CpuTimes(1500, 10000);
    HostSample.CpuTimes later = new HostSample.CpuTimes(1800, 11000);

    assertEquals(30.0, later.percentSince(earlier), 1e-9);
    assertNull(earlier.percentSince(earlier), "no time passed: unknown, not 0");
  }

  @Test
  void anEmptyTreeLeavesEverythingUnknownWithoutThrowing() {
    HostSample s = new ProcHostReader(root).read();

    assertNull(s.hostname());
    assertNull(s.cpu());
    assertNull(s.memoryUsedBytes());
    assertTrue(s.temperaturesCelsius().isEmpty());
    assertTrue(s.mounts().isEmpty());
  }

  @Test
  void thisMachinesRealProcReads() {
    HostSample s = new ProcHostReader(Path.of("/")).read();

    assertNotNull(s.cpu(), "/proc/stat has a cpu line");
    assertTrue(s.cpuCount() >= 1);
    assertTrue(s.memoryTotalBytes() > 0 && s.memoryUsedBytes() > 0 && s.memoryUsedBytes() < s.memoryTotalBytes());
    assertEquals(3, s.loadAverage().size());
    assertTrue(s.mounts().stream().noneMatch(m -> m.type().equals("proc")), "pseudo filesystems are left out");
    HostSample.Mount rootfs = s.mounts().stream().filter(m -> m.mountpoint().equals("/")).findFirst().orElseThrow();
    assertTrue(rootfs.totalBytes() > 0 && rootfs.usedBytes() > 0 && rootfs.usedBytes() <= rootfs.totalBytes(), "statvfs sizes");
    assertTrue(s.network().values().stream().anyMatch(n -> !n.addresses().isEmpty()), "an interface has an address");
  }

  @Test
  void ratesComeFromTwoReadingsAndAResetCounterGivesNoRate() {
    HostSample before = sample(1_000, 5_000, 10_000);
    HostSample after = sample(3_000, 6_000, 30_000);
    java.time.Instant t0 = java.time.Instant.parse("2026-11-28T10:00:00Z");

    Map<String, Object> report = HostReports.build("a", "1", 10, before, t0, after, t0.plusSeconds(10));
    @SuppressWarnings("unchecked")
    Map<String, Object> metrics = (Map<String, Object>) report.get("metrics");
    assertEquals(200.0, metrics.get("netInBytesPerSecond"));
    assertEquals(100.0, metrics.get("netOutBytesPerSecond"));
    assertEquals(2_000.0, metrics.get("diskReadBytesPerSecond"));

    Map<String, Object> reset = HostReports.build("a", "1", 10, after, t0, before, t0.plusSeconds(10));
    @SuppressWarnings("unchecked")
    Map<String, Object> resetMetrics = (Map<String, Object>) reset.get("metrics");
    assertNull(resetMetrics.get("netInBytesPerSecond"), "a counter that went back is a reset: no rate");
  }

  @Test
  void guestTrafficOnBridgesAndVethPairsIsNotCountedTwice() {
    var nics = new java.util.LinkedHashMap<String, HostSample.NetCounters>();
    for (String name : List.of("eth0", "vmbr0", "veth123", "docker0", "br-1a2b", "tap100i0", "fwbr100i0", "lo")) {
      nics.put(name, new HostSample.NetCounters(1, 1, null, List.of()));
    }

    assertEquals(2, HostReports.physical(nics).size(), "eth0 and the host's own bridge vmbr0");
  }

  private static HostSample sample(long rx, long tx, long read) {
    return new HostSample("h", null, null, null, null, 1, List.of(), null, null, null, null,
        Map.of("eth0", new HostSample.NetCounters(rx, tx, null, List.of())), Map.of(), List.of(),
        Map.of("sda", new HostSample.DiskCounters(read, 0)));
  }
}
