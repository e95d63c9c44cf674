package dev.pulse.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Starts whole Pulse servers on free ports for the app's integration tests. */
final class AppFixture {

  static final String TOKEN = "integration-token-0123456789";

  private AppFixture() {}

  static PulseConfig config(Path dataDir, String token) {
    return new PulseConfig(0, "127.0.0.1", dataDir, token, Duration.ofSeconds(1), Duration.ofSeconds(5),
        dev.pulse.domain.history.HistoryRetention.DEFAULT, null, SecurityConfig.DEFAULT);
  }

  static PulseServer start(Path dataDir, boolean demo) throws IOException {
    return PulseServer.start(config(dataDir, TOKEN), demo, Clock.systemUTC(), "it");
  }

  static HttpResponse<String> get(PulseServer server, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(PulseServer server, String path, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void await(String what, BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within " + seconds + " s");
      }
      Thread.sleep(50);
    }
  }
}
