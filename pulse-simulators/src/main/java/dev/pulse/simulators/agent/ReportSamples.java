package dev.pulse.simulators.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Agent reports as Pulse's agents send them, for tests and for simulated agents. */
public final class ReportSamples {

  private ReportSamples() {}

  /**
   * A host report that uses every field of the documented schema (plus one unknown field a newer
   * agent might send): host {@code pve1}, machine-id {@code 4c4c45440032}, a degraded RAID 1.
   */
  public static String host() {
    return resource("host-report-full.json");
  }

  /**
   * A Docker report that uses every field of the documented schema: agent {@code agent-7}, host
   * {@code docker1} managing a swarm; a healthy nginx (200 % CPU on 8 CPUs), an OOM-killed batch
   * job that exited 137, an unhealthy worker, and a service one task short.
   */
  public static String docker() {
    return resource("docker-report-full.json");
  }

  /**
   * A Kubernetes report in the fields of the documented schema, with sections Pulse ignores:
   * cluster {@code prod}; a ready control-plane node and a NotReady cordoned worker; a running pod,
   * one in CrashLoopBackOff, one evicted; a deployment 2 of 3 ready and one scaled to zero (its
   * counts left out, as the Go agent leaves zeros out).
   */
  public static String kubernetes() {
    return resource("kubernetes-report-full.json");
  }

  /**
   * What {@code smartctl -j} prints for these arguments on a simulated host: {@code --scan} lists an
   * NVMe SSD (3 % worn), a SATA HDD with 8 reallocated and 2 pending sectors, and a SATA HDD asleep
   * (so {@code -n standby} leaves it alone); {@code null} for a device it does not have.
   */
  public static String smartctl(java.util.List<String> args) {
    String last = args.isEmpty() ? "" : args.get(args.size() - 1);
    if (args.contains("--scan")) {
      return resource("smartctl-scan.json");
    }
    return switch (last) {
      case "/dev/nvme0" -> resource("smartctl-nvme0.json");
      case "/dev/sda" -> resource("smartctl-sda.json");
      case "/dev/sdb" -> resource("smartctl-sdb-standby.json");
      default -> null;
    };
  }

  private static String resource(String name) {
    try (InputStream in = ReportSamples.class.getResourceAsStream("/dev/pulse/simulators/agent/" + name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
