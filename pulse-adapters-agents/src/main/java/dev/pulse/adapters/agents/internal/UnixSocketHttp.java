package dev.pulse.adapters.agents.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 GETs over a unix socket, which the JDK's HttpClient cannot reach and dockerd and Podman
 * serve their API on. One request per connection ({@code Connection: close}); bodies in
 * Content-Length, chunked or read-to-close form, capped in size; each call has a deadline after
 * which the socket is closed. Internal: not API.
 */
public final class UnixSocketHttp implements AutoCloseable {

  /** An answer: status code and body. */
  public record Answer(int status, byte[] body) {}

  private final Path socket;
  private final Duration timeout;
  private final int maxBodyBytes;
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "pulse-agent-socket-timeout");
    t.setDaemon(true);
    return t;
  });

  public UnixSocketHttp(Path socket, Duration timeout, int maxBodyBytes) {
    this.socket = socket;
    this.timeout = timeout;
    this.maxBodyBytes = maxBodyBytes;
  }

  public Path socket() {
    return socket;
  }

  public Answer get(String pathAndQuery) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ScheduledFuture<?> deadline = watchdog.schedule(() -> closeQuietly(channel), timeout.toMillis(), TimeUnit.MILLISECONDS);
      try {
        channel.connect(UnixDomainSocketAddress.of(socket));
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: pulse-agent\r\n"
            + "Accept: application/json\r\nConnection: close\r\n\r\n";
        Channels.newOutputStream(channel).write(request.getBytes(StandardCharsets.US_ASCII));
        return read(new java.io.BufferedInputStream(Channels.newInputStream(channel)));
      } catch (IOException e) {
        if (!channel.isOpen()) {
          throw new IOException("no answer from " + socket + " within " + timeout.toMillis() + " ms", e);
        }
        throw e;
      } finally {
        deadline.cancel(false);
      }
    }
  }

  private Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP answer: " + statusLine);
    }
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("not an HTTP status: " + statusLine);
    }
    long length = -1;
    boolean chunked = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      if (name.equals("content-length")) {
        length = Long.parseLong(value);
      } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
        chunked = true;
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (long size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
        copy(in, body, size);
        line(in); // the CRLF after each chunk
      }
      for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
        // trailers, then the empty line that ends the message
      }
    } else if (length >= 0) {
      copy(in, body, length);
    } else {
      copy(in, body, Long.MAX_VALUE);
    }
    return new Answer(status, body.toByteArray());
  }

  private void copy(InputStream in, ByteArrayOutputStream out, long count) throws IOException {
    byte[] buffer = new byte[8192];
    long left = count;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        if (count == Long.MAX_VALUE) {
          return;
        }
        throw new EOFException("the answer ended early");
      }
      if (out.size() + n > maxBodyBytes) {
        throw new IOException("the answer is larger than " + maxBodyBytes + " bytes");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static long chunkSize(String line) throws IOException {
    int semicolon = line.indexOf(';');
    try {
      return Long.parseLong((semicolon >= 0 ? line.substring(0, semicolon) : line).trim(), 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad chunk size: " + line);
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("the answer ended early");
      }
      if (c != '\r') {
        sb.append((char) c);
      }
      if (sb.length() > 16_384) {
        throw new IOException("a header line is too long");
      }
    }
    return sb.toString();
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // closing to end a call that took too long; nothing else to do
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }
}
