package dev.pulse.domain.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Real failures of the JDK's own clients over loopback, said in words. */
class FailureWordsTest {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void aRefusedConnectionIsSaidSo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    IOException e = assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
        .build(), HttpResponse.BodyHandlers.discarding()));
    assertEquals("the connection to 127.0.0.1:" + port + " was refused", FailureWords.of(e, "127.0.0.1:" + port, null));
  }

  @Test
  void aConnectionTheServerClosesIsSaidSoWithHowLongItTook() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread closer = new Thread(() -> {
        while (!s.isClosed()) { // the client tries a GET twice
          try (Socket accepted = s.accept()) {
            accepted.getInputStream().read(); // take the request's first byte, then hang up
          } catch (IOException ignored) {
            return; // the server socket is closed: the test is over
          }
        }
      }, "test-closer");
      closer.start();
      String peer = "127.0.0.1:" + s.getLocalPort();
      IOException e = assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(URI.create("http://" + peer))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()));
      assertEquals("the connection was closed by " + peer + " after 2 s", FailureWords.of(e, peer, Duration.ofMillis(2100)));
      s.close();
      closer.join(10_000);
    }
  }

  @Test
  void noJavaExceptionNameIsShown() {
    String words = FailureWords.of(new IOException(new ClosedChannelException()), "10.0.0.5:8006", Duration.ofSeconds(2));
    assertEquals("the connection was closed by 10.0.0.5:8006 after 2 s", words);
    String bare = FailureWords.of(new IOException(new IllegalStateException()), "10.0.0.5:8006", null);
    assertFalse(bare.contains("Exception"), bare);
  }
}
