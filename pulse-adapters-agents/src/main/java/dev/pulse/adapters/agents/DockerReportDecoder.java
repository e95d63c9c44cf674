package dev.pulse.adapters.agents;

import dev.pulse.adapters.agents.internal.DockerReportJson;
import dev.pulse.adapters.agents.internal.DockerReportMapper;
import dev.pulse.adapters.agents.internal.StrictReportReader;
import dev.pulse.domain.agent.AgentReport;
import dev.pulse.domain.agent.AgentReportDecoder;

/**
 * Decodes the Docker report of Pulse's agents ({@code /api/agents/docker/report}) into a Docker
 * host, its containers and its Swarm services. Wrong types are refused naming the field; unknown
 * fields are ignored. Thread-safe.
 */
public final class DockerReportDecoder implements AgentReportDecoder {

  private final StrictReportReader reader = new StrictReportReader();

  @Override
  public String kind() {
    return "docker";
  }

  @Override
  public String platform() {
    return DockerReportMapper.PLATFORM;
  }

  @Override
  public int graceIntervals() {
    return 4;
  }

  @Override
  public AgentReport decode(byte[] body) {
    return DockerReportMapper.map(reader.read(body, DockerReportJson.class));
  }
}
