package dev.pulse.simulators.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON and raw answers on a JDK {@link HttpExchange}. Internal: not API. */
public final class JsonExchange {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonExchange() {}

  public static void send(HttpExchange exchange, int status, Object body) throws IOException {
    sendRaw(exchange, status, JSON.writeValueAsBytes(body), "application/json;charset=UTF-8");
  }

  public static void sendRaw(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** An ordered JSON object from alternating keys and values. */
  public static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /**
   * A path beyond what a simulator serves: 501, as PVE answers a method it does not have, saying so
   * in {@code message} and where the served paths are listed.
   */
  public static void notServed(HttpExchange exchange, String product, String method, String apiPath) throws IOException {
    send(exchange, 501, map("data", null, "message", "Method '" + method + " " + apiPath + "' not implemented: the " + product
        + " simulator serves only the read paths listed in docs/simulators.md"));
  }

  public static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    sendRaw(exchange, status, text.getBytes(StandardCharsets.UTF_8), "text/plain;charset=UTF-8");
  }
}
