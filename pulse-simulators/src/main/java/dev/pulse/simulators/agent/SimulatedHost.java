package dev.pulse.simulators.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import dev.pulse.simulators.internal.SimulatorRuntime;

/**
 * A Linux host as its {@code /proc}, {@code /sys} and {@code /etc} files, written under a
 * directory and rewritten every two seconds so that counters grow with the clock: the agent's
 * {@code ProcHostReader} reads it as it reads a real host. Used by demo mode to run real agents
 * against hosts that match the simulated fleet. Owns one thread ({@code host-sim-<name>}); {@link
 * #close()} stops it.
 */
public final class SimulatedHost implements AutoCloseable {

  private static final int CPUS = 8;
  private static final long HZ = 100;

  private final Path root;
  private final String hostname;
  private final String machineId;
  private final double cpuBusy;
  private final Figures figures;
  private final Clock clock;
  private final Instant start;
  private final ScheduledExecutorService thread;

  /**
   * A host's own memory and root filesystem, so that two simulated hosts never show one host's
   * figures.
   *
   * @param memoryBytes MemTotal
   * @param memoryUsed the share of it in use, 0–1 (it wobbles a little around that)
   * @param diskBytes the root filesystem's size
   * @param diskUsed the share of it in use, 0–1
   */
  public record Figures(long memoryBytes, double memoryUsed, long diskBytes, double diskUsed) {

    /** A 64 GiB host with a 100 GiB root, as the simulated PVE node {@code pve1}. */
    public static final Figures PVE_NODE = new Figures(64L << 30, 0.42, 100L << 30, 0.15);

    /** The root filesystem's bytes in use. */
    public long diskUsedBytes() {
      return (long) (diskBytes * diskUsed);
    }
  }

  /**
   * @param cpuBusy the share of CPU time busy, 0–1
   */
  public SimulatedHost(Path root, String hostname, String machineId, double cpuBusy, Clock clock) {
    this(root, hostname, machineId, cpuBusy, Figures.PVE_NODE, clock);
  }

  /**
   * @param cpuBusy the share of CPU time busy, 0–1
   * @param figures its memory and root filesystem
   */
  public SimulatedHost(Path root, String hostname, String machineId, double cpuBusy, Figures figures, Clock clock) {
    this.root = root;
    this.hostname = hostname;
    this.machineId = machineId;
    this.cpuBusy = cpuBusy;
    this.figures = figures;
    this.clock = clock;
    this.start = clock.instant();
    writeStatic();
    writeCounters();
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "host-sim-" + hostname);
      t.setDaemon(true);
      return t;
    });
    thread.scheduleAtFixedRate(this::writeCounters, 2, 2, TimeUnit.SECONDS);
  }

  public Path root() {
    return root;
  }

  /** Its memory and root filesystem: a reader of this host takes the root's size from here, not the real disk. */
  public Figures figures() {
    return figures;
  }

  private void writeStatic() {
    write("proc/sys/kernel/hostname", hostname + "\n");
    write("proc/sys/kernel/osrelease", "6.8.12-4-pve\n");
    write("etc/machine-id", machineId + "\n");
    write("sys/class/net/eth0/address", "bc:24:11:" + machineId.substring(0, 2) + ":" + machineId.substring(2, 4) + ":01\n");
    write("sys/class/hwmon/hwmon0/name", "k10temp\n");
    write("sys/class/hwmon/hwmon0/temp1_label", "Tctl\n");
    write("sys/class/hwmon/hwmon1/name", "nvme\n");
    write("sys/class/hwmon/hwmon1/temp1_label", "Composite\n");
    write("proc/mounts", "/dev/nvme0n1p2 / ext4 rw,relatime 0 0\nproc /proc proc rw 0 0\n");
    try {
      Files.createDirectories(root.resolve("sys/block/nvme0n1"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeCounters() {
    double seconds = Duration.between(start, clock.instant()).toMillis() / 1000.0 + 86_400;
    long total = (long) (seconds * HZ * CPUS);
    // a counter grows by the busy share at each moment (cpuBusy ± 0.05, over a minute-long wave):
    // the integral of that, so that the share between two readings is the share of that time
    long busy = (long) (HZ * CPUS * (cpuBusy * seconds + 1.5 * (1 - Math.cos(seconds / 30.0))));
    long user = busy * 7 / 10;
    long system = busy - user;
    long idle = total - busy;
    StringBuilder stat = new StringBuilder(String.format(java.util.Locale.ROOT, "cpu  %d 0 %d %d 0 0 0 0 0 0%n", user, system, idle));
    for (int i = 0; i < CPUS; i++) {
      stat.append("cpu").append(i).append(" 0 0 0 0 0 0 0 0 0 0\n");
    }
    write("proc/stat", stat.toString());
    write("proc/loadavg", String.format(java.util.Locale.ROOT, "%.2f %.2f %.2f 2/512 4242%n", cpuBusy * CPUS, cpuBusy * CPUS * 0.9, cpuBusy * CPUS * 0.8));
    long totalKb = figures.memoryBytes() / 1024;
    double used = Math.max(0.01, Math.min(0.99, figures.memoryUsed() + 0.03 * Math.sin(seconds / 120.0)));
    long availableKb = (long) (totalKb * (1 - used));
    write("proc/meminfo", "MemTotal:       " + totalKb + " kB\nMemFree:         " + availableKb / 3 + " kB\nMemAvailable:   "
        + availableKb + " kB\nSwapTotal:       8388608 kB\nSwapFree:        8126464 kB\n");
    long rx = (long) (seconds * 1_250_000);
    long tx = (long) (seconds * 310_000);
    write("proc/net/dev", "Inter-|   Receive |  Transmit\n face |bytes packets|bytes packets\n"
        + "    lo: 1000 10 0 0 0 0 0 0 1000 10 0 0 0 0 0 0\n"
        + "  eth0: " + rx + " 1000 0 0 0 0 0 0 " + tx + " 900 0 0 0 0 0 0\n");
    long readSectors = (long) (seconds * 4_096);
    long writeSectors = (long) (seconds * 9_216);
    write("proc/diskstats", "259 0 nvme0n1 50000 100 " + readSectors + " 3000 80000 200 " + writeSectors + " 9000 0 10000 12000 0 0 0 0\n");
    write("sys/class/hwmon/hwmon0/temp1_input", String.valueOf((long) ((52 + 6 * cpuBusy + 3 * Math.sin(seconds / 45.0)) * 1000)) + "\n");
    write("sys/class/hwmon/hwmon1/temp1_input", String.valueOf((long) ((41 + 2 * Math.sin(seconds / 90.0)) * 1000)) + "\n");
  }

  private void write(String relative, String content) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, content);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    SimulatorRuntime.stop(thread);
  }
}
