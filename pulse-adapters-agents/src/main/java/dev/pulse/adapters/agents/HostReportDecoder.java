package dev.pulse.adapters.agents;

import dev.pulse.adapters.agents.internal.HostReportJson;
import dev.pulse.adapters.agents.internal.HostReportMapper;
import dev.pulse.adapters.agents.internal.StrictReportReader;
import dev.pulse.domain.agent.AgentReport;
import dev.pulse.domain.agent.AgentReportDecoder;

/**
 * Decodes the host report of Pulse's unified agent (the schema Pulse's Go server accepts), so that
 * existing agent fleets can report here unchanged. Wrong types are refused naming the field;
 * unknown fields are ignored. Thread-safe.
 */
public final class HostReportDecoder implements AgentReportDecoder {

  private final StrictReportReader reader = new StrictReportReader();

  @Override
  public String kind() {
    return "host";
  }

  @Override
  public String platform() {
    return HostReportMapper.PLATFORM;
  }

  @Override
  public AgentReport decode(byte[] body) {
    return HostReportMapper.map(reader.read(body, HostReportJson.class));
  }
}
