package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.pulse.domain.connection.ConnectionDraft;
import dev.pulse.simulators.pve.PveSimulator;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path against the simulators: a PVE storage crosses 90 % → one alert → one email to a
 * real SMTP server (GreenMail); it falls below the clear level → one resolved email; a restart in
 * between sends nothing twice.
 */
class NotificationEndToEndIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path data;

  private static void ok(HttpResponse<String> r) {
    assertTrue(r.statusCode() / 100 == 2, r.statusCode() + " " + r.body());
  }

  private static HttpResponse<String> put(PulseServer server, String path, String body) throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Authorization", "Bearer " + AppFixture.TOKEN).header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The mails about nas-backup (the simulated cluster has other problems that are mailed too). */
  private static java.util.List<String> nasMails() {
    java.util.List<String> subjects = new java.util.ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      try {
        if (m.getSubject().contains("nas-backup")) {
          subjects.add(m.getSubject());
        }
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return subjects;
  }

  /**
   * Runs several evaluations and deliveries at once, as the engine's timers would over the next
   * seconds, so that a mail sent twice would be in GreenMail when this returns: no waiting for time
   * to pass, and nothing still due.
   */
  private static void evaluateAndDeliver(PulseServer server) {
    for (int i = 0; i < 5; i++) {
      server.engine().alerts().evaluate();
      server.engine().notifications().deliverDue();
    }
    assertTrue(server.engine().notifications().queue("pending", 10).isEmpty(), "nothing is left to deliver");
  }

  @Test
  void storageOverNinetyPercentSendsOneMailThenOneResolvedMailAndARestartRepeatsNothing() throws Exception {
    try (PveSimulator pve = PveSimulator.builder().start()) {
      pve.setStorageUsage("nas-backup", 0.80);
      PulseServer first = AppFixture.start(data, false);
      try (PulseServer server = first) {
        server.engine().connections().create(ConnectionDraft.withToken("pve", "lab", pve.baseUrl().toString(),
            "pulse@pve!monitor", "00000000-0000-0000-0000-000000000000", pve.fingerprint(), true));
        ok(put(server, "/api/alerts/config",
            "{\"rules\":{\"storage-usage\":{\"warning\":{\"trigger\":90,\"clear\":85},\"delaySeconds\":0}}}"));
        ok(AppFixture.post(server, "/api/notifications/channels", "{\"name\":\"ops mail\",\"type\":\"email\",\"settings\":{"
            + "\"host\":\"127.0.0.1\",\"port\":\"" + smtp.getSmtp().getPort() + "\",\"security\":\"none\","
            + "\"from\":\"pulse@example.com\",\"to\":\"ops@example.com\"}}", AppFixture.TOKEN));
        AppFixture.await("the storage is polled at 80 %", () -> server.engine().registry().snapshot().resources().stream()
            .anyMatch(r -> r.name().equals("nas-backup") && r.metrics().disk() != null), 30);

        pve.setStorageUsage("nas-backup", 0.92);
        AppFixture.await("an email about nas-backup", () -> nasMails().size() >= 1, 30);
        assertTrue(nasMails().get(0).startsWith("[WARNING] nas-backup: Usage 92"), nasMails().get(0));
        AppFixture.await("the other alerts of the cluster mailed too", () -> server.engine().notifications()
            .queue("pending", 10).isEmpty(), 30);
      }
      int beforeRestart = smtp.getReceivedMessages().length;

      // the same data dir: connections, channel, alerts and queue come back
      try (PulseServer server = AppFixture.start(data, false)) {
        AppFixture.await("the restarted server polls and evaluates again", () -> server.engine().alerts().active().stream()
            .anyMatch(a -> a.ruleId().equals("storage-usage")), 30);
        evaluateAndDeliver(server); // what the timers would do next, done now: nothing may be told twice
        assertEquals(beforeRestart, smtp.getReceivedMessages().length, "every alert was already told before the restart");

        pve.setStorageUsage("nas-backup", 0.70);
        AppFixture.await("the resolved email", () -> nasMails().size() >= 2, 30);
        assertTrue(nasMails().get(1).startsWith("[RESOLVED] nas-backup"), nasMails().toString());
        evaluateAndDeliver(server);
        assertEquals(2, nasMails().size(), "one mail when it fired, one when it resolved: nothing else");
      }
    }
  }
}
