package dev.pulse.adapters.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.pulse.domain.notify.ChannelSender;
import dev.pulse.domain.notify.ChannelType;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Email to a real SMTP server (GreenMail) in the test. */
class SmtpSenderIT {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("pulse", "s3cret"));

  private final SmtpSender sender = new SmtpSender(Duration.ofSeconds(5));

  private Map<String, String> settings() {
    return Map.of("host", "127.0.0.1", "port", String.valueOf(smtp.getSmtp().getPort()), "security", "none",
        "from", "pulse@example.com", "to", "ops@example.com, oncall@example.com", "username", "pulse");
  }

  @Test
  void anAlertArrivesAsOneMailPerRecipientWithItsLevelInTheSubject() throws Exception {
    sender.send(NotifyFixtures.channel(ChannelType.EMAIL, settings(), Map.of("password", "s3cret")), NotifyFixtures.fired());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertEquals(2, received.length, "one per recipient");
    assertEquals("[CRITICAL] nas-backup: Usage 96 % ≥ 95 %", received[0].getSubject());
    String body = (String) received[0].getContent();
    assertTrue(body.contains("Rule: storage-usage") && body.contains("Value: 96.0 (threshold 95.0)"), body);
    assertEquals("disk@lab:storage-nas:fired:1795000000000", received[0].getHeader("X-Pulse-Event-ID")[0]);
  }

  @Test
  void aResolvedAlertSaysSoInTheSubject() throws Exception {
    sender.send(NotifyFixtures.channel(ChannelType.EMAIL, settings(), Map.of("password", "s3cret")), NotifyFixtures.resolved());
    assertEquals("[RESOLVED] nas-backup: Usage 96 % ≥ 95 %", smtp.getReceivedMessages()[0].getSubject());
  }

  @Test
  void aWrongPasswordIsAFailureToRetryAndMissingSettingsArePermanent() {
    ChannelSender.DeliveryFailed refused = assertThrows(ChannelSender.DeliveryFailed.class,
        () -> sender.send(NotifyFixtures.channel(ChannelType.EMAIL, settings(), Map.of("password", "wrong")), NotifyFixtures.fired()));
    assertTrue(refused.getMessage().startsWith("SMTP: 127.0.0.1:") && refused.getMessage().contains("said 535"),
        refused.getMessage());
    ChannelSender.DeliveryFailed incomplete = assertThrows(ChannelSender.DeliveryFailed.class,
        () -> sender.send(NotifyFixtures.channel(ChannelType.EMAIL, Map.of("host", "127.0.0.1"), Map.of()), NotifyFixtures.fired()));
    assertTrue(incomplete.permanent());
    assertEquals(0, smtp.getReceivedMessages().length);
  }

  @Test
  void aMailServerThatHangsUpIsSaidInWordsNotAsAnException() throws Exception {
    try (java.net.ServerSocket server = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
      Thread hangUp = new Thread(() -> {
        while (!server.isClosed()) {
          try (java.net.Socket s = server.accept()) {
            s.getOutputStream().flush(); // no greeting: the connection just ends
          } catch (java.io.IOException e) {
            return;
          }
        }
      }, "test-smtp-hang-up");
      hangUp.start();
      Map<String, String> at = new java.util.HashMap<>(settings());
      at.put("port", String.valueOf(server.getLocalPort()));
      ChannelSender.DeliveryFailed failed = assertThrows(ChannelSender.DeliveryFailed.class,
          () -> sender.send(NotifyFixtures.channel(ChannelType.EMAIL, at, Map.of("password", "s3cret")), NotifyFixtures.fired()));
      assertEquals("SMTP: the connection was closed by 127.0.0.1:" + server.getLocalPort(), failed.getMessage());
      server.close();
      hangUp.join(5_000);
    }
  }
}
