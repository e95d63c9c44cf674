package dev.pulse.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code java -jar pulse.jar recover --user NAME [--port 7655] [--password-file PATH]}: on Pulse's
 * own machine, sets a new password for an admin who is locked out or forgot it. It asks the running
 * Pulse (over loopback) for a recovery token, then uses it. The new password is read from the
 * console, or from a file for scripts; it never appears on the command line.
 */
final class RecoverCommand {

  static final String USAGE = "usage: java -jar pulse.jar recover --user NAME [--port 7655] [--password-file PATH]";
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecoverCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    String user = null;
    int port = 7655;
    Path passwordFile = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--user" -> user = value;
          case "--port" -> port = Integer.parseInt(value);
          case "--password-file" -> passwordFile = Path.of(value);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
        i++;
      }
      if (user == null) {
        throw new IllegalArgumentException("--user is required");
      }
    } catch (RuntimeException e) {
      err.println(e.getMessage() + "\n" + USAGE);
      return 2;
    }
    try {
      String password = password(passwordFile);
      URI base = URI.create("http://127.0.0.1:" + port);
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> issued = post(http, base.resolve("/api/security/recovery"), "{}");
      if (issued.statusCode() != 200) {
        err.println("Pulse refused to issue a recovery token (" + issued.statusCode() + "): " + issued.body());
        return 1;
      }
      String token = JSON.readTree(issued.body()).get("recoveryToken").asText();
      HttpResponse<String> reset = post(http, base.resolve("/api/security/recovery/reset"),
          JSON.writeValueAsString(Map.of("recoveryToken", token, "username", user, "newPassword", password)));
      if (reset.statusCode() != 204) {
        err.println("the password was not changed (" + reset.statusCode() + "): " + reset.body());
        return 1;
      }
      out.println("The password of " + user + " is changed; its sessions and lockouts are gone.");
      return 0;
    } catch (IOException e) {
      err.println("cannot reach Pulse on 127.0.0.1:" + port + ": " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static String password(Path file) throws IOException {
    if (file != null) {
      return Files.readString(file).strip();
    }
    Console console = System.console();
    if (console == null) {
      throw new IOException("no console to read the new password from: use --password-file");
    }
    char[] first = console.readPassword("New password (10+ characters): ");
    char[] again = console.readPassword("Again: ");
    if (first == null || !java.util.Arrays.equals(first, again)) {
      throw new IOException("the two passwords differ");
    }
    return new String(first);
  }

  private static HttpResponse<String> post(HttpClient http, URI uri, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
