package dev.pulse.adapters.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pulse.domain.InvalidFieldException;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.notify.Channel;
import dev.pulse.domain.notify.ChannelSender;
import dev.pulse.domain.notify.ChannelType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each service's webhook, received by WireMock on loopback, carries the fields that service requires. */
class WebhookSenderIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WireMockServer receiver;
  private final WebhookSender sender = new WebhookSender(Duration.ofSeconds(5), Clock.fixed(NotifyFixtures.AT, ZoneOffset.UTC));

  @BeforeEach
  void start() {
    receiver = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    receiver.start();
    receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
  }

  @AfterEach
  void stop() {
    receiver.stop();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + receiver.port() + path;
  }

  private LoggedRequest sendAndReceive(ChannelType type, Map<String, String> settings, Map<String, String> secrets) throws Exception {
    sender.send(NotifyFixtures.channel(type, settings, secrets), NotifyFixtures.fired());
    List<LoggedRequest> requests = receiver.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    assertEquals(1, requests.size());
    assertEquals("disk@lab:storage-nas:fired:1795000000000", requests.get(0).getHeader("X-Pulse-Event-ID"));
    return requests.get(0);
  }

  private static JsonNode json(LoggedRequest r) throws Exception {
    assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
    return JSON.readTree(r.getBodyAsString());
  }

  @Test
  void discordGetsContentAndAnEmbed() throws Exception {
    JsonNode b = json(sendAndReceive(ChannelType.DISCORD, Map.of("url", url("/api/webhooks/1/abc")), Map.of()));
    assertEquals("[CRITICAL] nas-backup: Usage 96 % ≥ 95 %", b.get("content").asText());
    assertEquals("Usage 96 % ≥ 95 %", b.at("/embeds/0/description").asText());
    assertEquals(0xc62828, b.at("/embeds/0/color").asInt());
  }

  @Test
  void slackAndMattermostGetText() throws Exception {
    JsonNode slack = json(sendAndReceive(ChannelType.SLACK, Map.of("url", url("/services/T/B/x")), Map.of()));
    assertEquals("[CRITICAL] nas-backup: Usage 96 % ≥ 95 %", slack.get("text").asText());
    assertEquals("mrkdwn", slack.at("/blocks/0/text/type").asText());
    receiver.resetRequests();
    JsonNode mm = json(sendAndReceive(ChannelType.MATTERMOST, Map.of("url", url("/hooks/x")), Map.of()));
    assertTrue(mm.get("text").asText().contains("Usage 96 %"));
  }

  @Test
  void teamsGetsAnAdaptiveCard() throws Exception {
    JsonNode b = json(sendAndReceive(ChannelType.TEAMS, Map.of("url", url("/workflows/x")), Map.of()));
    assertEquals("message", b.get("type").asText());
    assertEquals("application/vnd.microsoft.card.adaptive", b.at("/attachments/0/contentType").asText());
    assertEquals("AdaptiveCard", b.at("/attachments/0/content/type").asText());
    assertEquals("Attention", b.at("/attachments/0/content/body/0/color").asText());
  }

  @Test
  void telegramGetsItsBotPathChatAndText() throws Exception {
    LoggedRequest r = sendAndReceive(ChannelType.TELEGRAM, Map.of("url", url(""), "chatId", "-100123"), Map.of("token", "42:AAA"));
    assertEquals("/bot42:AAA/sendMessage", r.getUrl());
    JsonNode b = json(r);
    assertEquals("-100123", b.get("chat_id").asText());
    assertTrue(b.get("text").asText().startsWith("[CRITICAL] nas-backup"));
  }

  @Test
  void ntfyGetsTheMessageAsBodyAndTheRestAsHeaders() throws Exception {
    LoggedRequest r = sendAndReceive(ChannelType.NTFY, Map.of("url", url("/pulse-alerts")), Map.of("token", "tk_1"));
    assertEquals("Usage 96 % ≥ 95 %", new String(r.getBody(), StandardCharsets.UTF_8));
    String title = r.getHeader("Title");
    assertTrue(title.startsWith("=?UTF-8?B?"), "RFC 2047, as headers cannot carry ≥: " + title);
    assertEquals("[CRITICAL] nas-backup: Usage 96 % ≥ 95 %", new String(java.util.Base64.getDecoder().decode(
        title.substring(10, title.length() - 2)), StandardCharsets.UTF_8));
    assertEquals("5", r.getHeader("Priority"));
    assertEquals("Bearer tk_1", r.getHeader("Authorization"));
  }

  @Test
  void gotifyPushoverAndAppriseGetTheirFields() throws Exception {
    LoggedRequest g = sendAndReceive(ChannelType.GOTIFY, Map.of("url", url("/")), Map.of("token", "AppTok"));
    assertEquals("/message", g.getUrl());
    assertEquals("AppTok", g.getHeader("X-Gotify-Key"));
    assertEquals(8, json(g).get("priority").asInt());
    receiver.resetRequests();
    JsonNode p = json(sendAndReceive(ChannelType.PUSHOVER, Map.of("url", url("/1/messages.json")),
        Map.of("token", "app", "userKey", "user")));
    assertEquals("app", p.get("token").asText());
    assertEquals("user", p.get("user").asText());
    assertEquals(1, p.get("priority").asInt());
    receiver.resetRequests();
    LoggedRequest a = sendAndReceive(ChannelType.APPRISE, Map.of("url", url(""), "key", "ops"), Map.of());
    assertEquals("/notify/ops", a.getUrl());
    assertEquals("failure", json(a).get("type").asText());
  }

  @Test
  void pagerDutyTriggersAndResolvesByTheAlertsDedupKey() throws Exception {
    JsonNode trigger = json(sendAndReceive(ChannelType.PAGERDUTY, Map.of("url", url("/v2/enqueue")), Map.of("routingKey", "R0UT1NG")));
    assertEquals("R0UT1NG", trigger.get("routing_key").asText());
    assertEquals("trigger", trigger.get("event_action").asText());
    assertEquals("storage-usage@lab:storage-nas", trigger.get("dedup_key").asText());
    assertEquals("critical", trigger.at("/payload/severity").asText());
    assertEquals("nas-backup", trigger.at("/payload/source").asText());
    receiver.resetRequests();
    sender.send(NotifyFixtures.channel(ChannelType.PAGERDUTY, Map.of("url", url("/v2/enqueue")), Map.of("routingKey", "R0UT1NG")),
        NotifyFixtures.resolved());
    JsonNode resolve = JSON.readTree(receiver.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()))
        .get(0).getBodyAsString());
    assertEquals("resolve", resolve.get("event_action").asText());
    assertEquals("storage-usage@lab:storage-nas", resolve.get("dedup_key").asText());
  }

  @Test
  void theGenericWebhookIsSignedWhenItHasASecret() throws Exception {
    LoggedRequest r = sendAndReceive(ChannelType.WEBHOOK, Map.of("url", url("/hook")), Map.of("hmacSecret", "shared"));
    JsonNode b = json(r);
    assertEquals("fired", b.get("event").asText());
    assertEquals(96.0, b.get("value").asDouble());
    String timestamp = r.getHeader("X-Pulse-Timestamp");
    assertEquals(String.valueOf(NotifyFixtures.AT.getEpochSecond()), timestamp);
    assertEquals("v1=" + WebhookSender.sign("shared", timestamp, r.getBody()), r.getHeader("X-Pulse-Signature"));
  }

  @Test
  void aGenericWebhookMayShapeItsOwnBodyWithATemplateEscapedForJson() throws Exception {
    String template = "{\"text\":\"{{subject}}\",\"severity\":\"{{level}}\",\"note\":\"{{message}}\"}";
    var quoted = new dev.pulse.domain.notify.Notification("n1", "fired", "a1", "cpu", "r1", "web \"01\"", "critical",
        "line one\nline two", null, null, NotifyFixtures.AT, null, "performance");
    sender.send(NotifyFixtures.channel(ChannelType.WEBHOOK, Map.of("url", url("/hook"), "template", template), Map.of()), quoted);
    JsonNode b = JSON.readTree(receiver.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()))
        .get(0).getBodyAsString());
    assertEquals("[CRITICAL] web \"01\": line one\nline two", b.get("text").asText(), "quotes and line breaks stay inside the string");
    assertEquals("critical", b.get("severity").asText());
    assertThrows(dev.pulse.domain.InvalidFieldException.class, () -> sender.check(NotifyFixtures.channel(ChannelType.WEBHOOK,
        Map.of("url", url("/hook"), "template", "{{#unclosed}}"), Map.of())));
  }

  @Test
  void appriseInCliModeRunsTheOperatorsProgramWithTheUrlsFromItsSecret(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path log = dir.resolve("args.txt");
    java.nio.file.Path fake = dir.resolve("apprise");
    java.nio.file.Files.writeString(fake, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> " + log + "; done\n");
    fake.toFile().setExecutable(true);
    WebhookSender withCli = new WebhookSender(Duration.ofSeconds(5), Clock.fixed(NotifyFixtures.AT, ZoneOffset.UTC), fake);
    withCli.send(NotifyFixtures.channel(ChannelType.APPRISE, Map.of("mode", "cli"),
        Map.of("urls", "mailto://u:p@example.com\ntgram://bot/chat")), NotifyFixtures.fired());
    assertEquals(List.of("-t", "[CRITICAL] nas-backup: Usage 96 % ≥ 95 %", "-b", "Usage 96 % ≥ 95 %", "-n", "failure", "--",
        "mailto://u:p@example.com", "tgram://bot/chat"), java.nio.file.Files.readAllLines(log));
    java.nio.file.Files.writeString(fake, "#!/bin/sh\necho 'no service could be reached'\nexit 1\n");
    ChannelSender.DeliveryFailed failed = assertThrows(ChannelSender.DeliveryFailed.class, () -> withCli.send(NotifyFixtures.channel(
        ChannelType.APPRISE, Map.of("mode", "cli"), Map.of("urls", "mailto://x")), NotifyFixtures.fired()));
    assertTrue(!failed.permanent() && failed.getMessage().contains("no service could be reached"), failed.getMessage());
  }

  @Test
  void aChannelNeverChoosesTheProgramItRuns(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path ran = dir.resolve("ran");
    java.nio.file.Path script = dir.resolve("evil.sh");
    java.nio.file.Files.writeString(script, "#!/bin/sh\ntouch " + ran + "\n");
    script.toFile().setExecutable(true);
    Channel naming = NotifyFixtures.channel(ChannelType.APPRISE, Map.of("mode", "cli", "command", script.toString()),
        Map.of("urls", "mailto://x"));
    InvalidFieldException command = assertThrows(InvalidFieldException.class, () -> sender.check(naming));
    assertEquals("settings.command", command.field());
    assertThrows(ChannelSender.DeliveryFailed.class, () -> sender.send(naming, NotifyFixtures.fired()), "no program is allowed");
    WebhookSender withCli = new WebhookSender(Duration.ofSeconds(5), Clock.systemUTC(), dir.resolve("apprise"));
    assertEquals("settings.command", assertThrows(InvalidFieldException.class, () -> withCli.check(naming)).field());
    assertEquals("settings.mode", assertThrows(InvalidFieldException.class, () -> sender.check(NotifyFixtures.channel(
        ChannelType.APPRISE, Map.of("mode", "cli"), Map.of("urls", "mailto://x")))).field(), "off unless the operator set it");
    assertEquals("secrets.urls", assertThrows(InvalidFieldException.class, () -> withCli.check(NotifyFixtures.channel(
        ChannelType.APPRISE, Map.of("mode", "cli"), Map.of("urls", "mailto://x\n--attach=/etc/shadow")))).field(),
        "an option passed off as a URL");
    assertTrue(!java.nio.file.Files.exists(ran), "the script never ran");
  }

  @Test
  void aWebhookToAPrivateAddressIsRefusedWhenSavedUnlessTheChannelAllowsIt() {
    Channel closed = new Channel("c1", "test", ChannelType.WEBHOOK, true, Map.of("url", "http://127.0.0.1:9/hook"),
        Map.<String, Secret>of(), false, null, 0, 0);
    InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> sender.check(closed));
    assertEquals("settings.url", e.field());
    assertTrue(e.getMessage().contains("private address"), e.getMessage());
    sender.check(new Channel("c1", "test", ChannelType.WEBHOOK, true, Map.of("url", "http://127.0.0.1:9/hook"),
        Map.<String, Secret>of(), true, null, 0, 0));
    assertEquals("settings.url", assertThrows(InvalidFieldException.class, () -> sender.check(NotifyFixtures.channel(
        ChannelType.SLACK, Map.of("url", "file:///etc/passwd"), Map.of()))).field());
  }

  @Test
  void aPrivateAddressIsRefusedUnlessTheChannelAllowsIt() {
    Channel closed = new Channel("c1", "test", ChannelType.WEBHOOK, true, Map.of("url", url("/hook")), Map.<String, Secret>of(), false, null, 0, 0);
    ChannelSender.DeliveryFailed e = assertThrows(ChannelSender.DeliveryFailed.class, () -> sender.send(closed, NotifyFixtures.fired()));
    assertTrue(e.permanent() && e.getMessage().contains("private address"), e.getMessage());
    assertEquals(0, receiver.getAllServeEvents().size(), "nothing was sent");
  }

  @Test
  void aServerErrorIsRetriedButABadRequestIsNot() {
    receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
    ChannelSender.DeliveryFailed busy = assertThrows(ChannelSender.DeliveryFailed.class,
        () -> sender.send(NotifyFixtures.channel(ChannelType.WEBHOOK, Map.of("url", url("/hook")), Map.of()), NotifyFixtures.fired()));
    assertFalse(busy.permanent());
    receiver.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400).withBody("bad payload")));
    ChannelSender.DeliveryFailed bad = assertThrows(ChannelSender.DeliveryFailed.class,
        () -> sender.send(NotifyFixtures.channel(ChannelType.WEBHOOK, Map.of("url", url("/hook")), Map.of()), NotifyFixtures.fired()));
    assertTrue(bad.permanent() && bad.getMessage().contains("bad payload"), bad.getMessage());
  }
}
