package dev.pulse.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** For tests against a running server whose fake source has reported once: {@link #fx} is ready in each test. */
abstract class RunningServer {

  protected HttpFixture fx;

  @BeforeEach
  void startServer() throws Exception {
    fx = new HttpFixture(false);
    fx.awaitResource("s1:node-pve1");
  }

  @AfterEach
  void stopServer() {
    fx.close();
  }
}
