package dev.pulse.simulators.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Host reports as Pulse's unified agent sends them, for tests and for simulated agents. */
public final class HostReportSamples {

  private HostReportSamples() {}

  /**
   * A report that uses every field of the documented schema (plus one unknown field a newer agent
   * might send): host {@code pve1}, machine-id {@code 4c4c45440032}, a degraded RAID 1.
   */
  public static String full() {
    try (InputStream in = HostReportSamples.class.getResourceAsStream("/dev/pulse/simulators/agent/host-report-full.json")) {
      if (in == null) {
        throw new IllegalStateException("host-report-full.json is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
