package dev.pulse.adapters.truenas.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/** One way of calling TrueNAS's API methods: JSON-RPC over a WebSocket, or REST. Internal: not API. */
public interface TrueNasTransport extends AutoCloseable {

  /**
   * Calls a method such as {@code pool.query} and returns its result.
   *
   * @throws IOException when the call cannot be made, times out, or TrueNAS answers an error
   */
  JsonNode call(String method, List<Object> params) throws IOException, InterruptedException;

  /** {@code websocket} or {@code rest}, for people reading the connection's details. */
  String name();

  @Override
  void close();
}
