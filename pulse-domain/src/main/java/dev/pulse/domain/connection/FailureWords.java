package dev.pulse.domain.connection;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * A network failure said in words for the people who read it ({@code lastError}, a channel's test,
 * the queue), instead of a Java exception's name: "the connection was closed by 10.0.0.5:8006
 * after 2 s". Adapters call it where they catch; only the JDK's own exception types are known here.
 */
public final class FailureWords {

  private FailureWords() {}

  /**
   * @param peer who was being talked to, such as {@code 10.0.0.5:8006}
   * @param elapsed how long it went on before failing, or {@code null} when not known
   */
  public static String of(Throwable failure, String peer, @Nullable Duration elapsed) {
    String after = elapsed == null || elapsed.toMillis() < 1000 ? "" : " after " + seconds(elapsed);
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (t instanceof UnknownHostException) {
        return "the name " + (t.getMessage() == null ? peer : t.getMessage()) + " could not be resolved";
      }
      if (t instanceof NoRouteToHostException) {
        return "there is no route to " + peer;
      }
      if (t instanceof ConnectException && !(t instanceof java.net.http.HttpConnectTimeoutException)) {
        return m.contains("timed out") ? peer + " did not accept the connection" + after
            : "the connection to " + peer + " was refused";
      }
      if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
        return peer + " did not answer" + (after.isEmpty() ? " in time" : " within " + seconds(elapsed));
      }
      if (t instanceof SSLException) {
        return "the TLS handshake with " + peer + " failed" + (t.getMessage() == null ? "" : ": " + t.getMessage());
      }
      if (t instanceof ClosedChannelException || t instanceof EOFException || m.contains("closed")
          || m.contains("received no bytes") || m.contains("end of stream")) {
        return "the connection was closed by " + peer + after;
      }
      if (t instanceof SocketException && (m.contains("reset") || m.contains("broken pipe"))) {
        return "the connection was reset by " + peer + after;
      }
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() != null ? root.getMessage() : failure.getMessage();
    if (message != null && !message.isBlank() && !message.matches("[\\w.$]+(Exception|Error)")) {
      return "the exchange with " + peer + " failed" + after + ": " + message;
    }
    return (root instanceof IOException ? "the connection to " + peer + " failed" : "talking to " + peer + " failed") + after;
  }

  private static String seconds(Duration d) {
    long s = Math.max(1, Math.round(d.toMillis() / 1000.0));
    return s + " s";
  }
}
