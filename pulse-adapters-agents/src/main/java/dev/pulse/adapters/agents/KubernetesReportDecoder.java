package dev.pulse.adapters.agents;

import dev.pulse.adapters.agents.internal.KubernetesReportJson;
import dev.pulse.adapters.agents.internal.KubernetesReportMapper;
import dev.pulse.adapters.agents.internal.StrictReportReader;
import dev.pulse.domain.agent.AgentReport;
import dev.pulse.domain.agent.AgentReportDecoder;

/**
 * Decodes the Kubernetes report of Pulse's agents ({@code /api/agents/kubernetes/report}) into a
 * cluster, its nodes, pods and deployments. Wrong types are refused naming the field; unknown
 * fields and sections are ignored. Thread-safe.
 */
public final class KubernetesReportDecoder implements AgentReportDecoder {

  private final StrictReportReader reader = new StrictReportReader();

  @Override
  public String kind() {
    return "kubernetes";
  }

  @Override
  public String platform() {
    return KubernetesReportMapper.PLATFORM;
  }

  @Override
  public int graceIntervals() {
    return 4;
  }

  @Override
  public AgentReport decode(byte[] body) {
    return KubernetesReportMapper.map(reader.read(body, KubernetesReportJson.class));
  }
}
