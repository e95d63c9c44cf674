package dev.pulse.simulators.internal;

import static dev.pulse.simulators.internal.JsonExchange.map;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** What every simulator needs: named threads, injected faults, form parsing. Internal: not API. */
public final class SimulatorRuntime {

  private SimulatorRuntime() {}

  /** A pool of named daemon threads, {@code prefix-1}, {@code prefix-2}… */
  public static ExecutorService threads(String prefix, int count) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(count, r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  public static void stop(ExecutorService executor) {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits the endpoint's latency, then answers its fault if it has one.
   *
   * @return whether the exchange was answered
   */
  public static boolean delayAndAnswerFault(HttpExchange exchange, ProxmoxEndpoint endpoint) throws IOException {
    Duration latency = endpoint.latency();
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    switch (endpoint.fault()) {
      case HTTP_500 -> JsonExchange.send(exchange, 500, map("data", null));
      case HTTP_596 -> JsonExchange.send(exchange, 596, map("data", null));
      case JUNK_BODY -> JsonExchange.sendRaw(exchange, 200,
          "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8), "text/html");
      default -> {
        String path = exchange.getRequestURI().getPath();
        String apiPath = path.startsWith("/api2/json") ? path.substring("/api2/json".length()) : path;
        Integer status = endpoint.pathStatus(apiPath);
        Object data = endpoint.pathData(apiPath);
        if (status == null && data == null) {
          return false;
        }
        JsonExchange.send(exchange, status != null ? status : 200, map("data", status != null ? null : data));
      }
    }
    return true;
  }

  /** Parses {@code a=1&b=2} (a query string or a form body), decoding each part. */
  public static Map<String, String> form(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
