package dev.pulse.adapters.truenas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One way of calling TrueNAS's API methods: JSON-RPC over a WebSocket, or REST. Internal: not API. */
public interface TrueNasTransport extends AutoCloseable {

  /**
   * Calls a method such as {@code pool.query} and returns its result.
   *
   * @throws IOException when the call cannot be made, times out, or TrueNAS answers an error
   */
  JsonNode call(String method, List<Object> params) throws IOException, InterruptedException;

  /**
   * The newest event pushed by a subscribed source such as {@code reporting.realtime}, when it is no
   * older than {@code maxAge}; always empty over REST, which has no events.
   */
  default Optional<JsonNode> latest(String source, Duration maxAge) {
    return Optional.empty();
  }

  /** {@code websocket} or {@code rest}, for people reading the connection's details. */
  String name();

  @Override
  void close();
}
