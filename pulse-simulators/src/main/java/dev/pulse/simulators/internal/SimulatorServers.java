package dev.pulse.simulators.internal;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/**
 * Opens the simulators' HTTPS listeners (the JDK's {@code HttpsServer}). Internal: not API.
 *
 * <p>The JDK server writes a response's head and body separately; with Nagle's algorithm and the
 * client's delayed ACK every answer on a kept-alive connection then waits ~40 ms, which would make
 * a simulated cluster slower than a real one. The JDK's own switch for that is the system property
 * {@code sun.net.httpserver.nodelay}, read once when its server first loads; this sets it unless
 * the JVM was started with a value. It affects only the JDK's HTTP server, which nothing else in
 * Pulse uses.
 */
public final class SimulatorServers {

  private SimulatorServers() {}

  public static HttpsServer open(InetSocketAddress bind, SSLContext tls, Executor executor, HttpHandler handler)
      throws IOException {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    HttpsServer server = HttpsServer.create(bind, 64);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
    return server;
  }
}
