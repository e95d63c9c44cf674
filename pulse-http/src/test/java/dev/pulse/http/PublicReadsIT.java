package dev.pulse.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Demo mode: reads are open, changes still need the token. */
class PublicReadsIT {

  @Test
  void readsWorkWithoutATokenButChangesDoNot() throws Exception {
    try (HttpFixture fx = new HttpFixture(true)) {
      assertEquals(200, fx.get("/api/resources", null).statusCode());
      assertEquals(200, fx.get("/api/connections", null).statusCode());
      assertEquals(401, fx.send("POST", "/api/connections", "{}", null).statusCode());
      assertEquals(401, fx.send("DELETE", "/api/connections/x", null, null).statusCode());
    }
  }
}
