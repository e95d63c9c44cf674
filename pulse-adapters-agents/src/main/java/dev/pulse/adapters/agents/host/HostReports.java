package dev.pulse.adapters.agents.host;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the unified agent's host report (the schema {@code HostReportDecoder} reads) from two
 * readings of a host: CPU use comes from their difference, so the first report has none.
 */
public final class HostReports {

  private HostReports() {}

  /**
   * @param previous the reading before, or {@code null} for the first report
   * @param agentVersion this agent's version
   */
  public static Map<String, Object> build(String agentId, String agentVersion, int intervalSeconds, HostSample previous,
      HostSample now, Instant at) {
    Map<String, Object> agent = new LinkedHashMap<>();
    agent.put("id", agentId);
    agent.put("version", agentVersion);
    agent.put("type", "unified");
    agent.put("intervalSeconds", intervalSeconds);
    agent.put("hostname", now.hostname());
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("hostname", now.hostname() == null ? "unknown" : now.hostname());
    put(host, "machineId", now.machineId());
    put(host, "dmiUuid", now.dmiUuid());
    host.put("platform", "linux");
    put(host, "kernelVersion", now.kernel());
    host.put("cpuCount", now.cpuCount());
    host.put("loadAverage", now.loadAverage());
    Map<String, Object> memory = new LinkedHashMap<>();
    put(memory, "totalBytes", now.memoryTotalBytes());
    put(memory, "usedBytes", now.memoryUsedBytes());
    put(memory, "swapTotalBytes", now.swapTotalBytes());
    put(memory, "swapUsedBytes", now.swapUsedBytes());
    Map<String, Object> metrics = new LinkedHashMap<>();
    Double cpu = previous == null || previous.cpu() == null || now.cpu() == null ? null : now.cpu().percentSince(previous.cpu());
    put(metrics, "cpuUsagePercent", cpu);
    metrics.put("memory", memory);
    List<Object> network = new ArrayList<>();
    now.network().forEach((name, c) -> network.add(Map.of("name", name, "rxBytes", c.rxBytes(), "txBytes", c.txBytes())));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("agent", agent);
    report.put("host", host);
    report.put("metrics", metrics);
    report.put("network", network);
    report.put("sensors", Map.of("temperatureCelsius", now.temperaturesCelsius()));
    report.put("timestamp", at.toString());
    return report;
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
