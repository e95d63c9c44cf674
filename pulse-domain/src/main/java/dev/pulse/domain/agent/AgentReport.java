package dev.pulse.domain.agent;

import dev.pulse.domain.source.ObservedResource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A decoded agent report: who sent it, how often it reports, and what it saw.
 *
 * @param agentId the agent's own id; with the kind it makes the source id
 * @param interval how often the agent reports, for staleness
 * @param resources what the agent saw
 */
public record AgentReport(String agentId, Duration interval, List<ObservedResource> resources) {

  public AgentReport {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(interval, "interval");
    resources = List.copyOf(resources);
  }
}
