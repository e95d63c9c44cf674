package dev.pulse.domain.agent;

/**
 * Port: turns the JSON body of one kind of agent report into resources. Implemented by the agents
 * adapter; the HTTP edge has already undone any compression and enforced the size limits.
 */
public interface AgentReportDecoder {

  /** The report kind: {@code host}, {@code docker} or {@code kubernetes}. */
  String kind();

  /** The platform kept as provenance on the figures, for example {@code agent}. */
  String platform();

  /**
   * How many of its intervals a source of this kind may stay silent before it is stale: 6 for host
   * agents, 4 for Docker and Kubernetes.
   */
  default int graceIntervals() {
    return 6;
  }

  /**
   * @throws InvalidReportException naming the field at fault; nothing is stored then
   */
  AgentReport decode(byte[] json);
}
