package dev.pulse.simulators.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

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

  public static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    sendRaw(exchange, status, text.getBytes(StandardCharsets.UTF_8), "text/plain;charset=UTF-8");
  }
}
