package dev.pulse.adapters.notify.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.notify.Channel;
import dev.pulse.domain.notify.ChannelSender.DeliveryFailed;
import dev.pulse.domain.notify.Notification;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body each service expects, built from a notification: Discord embeds, Slack blocks, a Teams
 * adaptive card, Telegram's sendMessage, ntfy's headers, Gotify and Pushover messages, a PagerDuty
 * Events v2 trigger or resolve (deduplicated by alert id), Mattermost text, Apprise's notify, and a
 * generic JSON document. Pure. Internal: not API.
 */
public final class WebhookPayloads {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookPayloads() {}

  public static WebhookRequest build(Channel c, Notification n) throws DeliveryFailed {
    return switch (c.type()) {
      case DISCORD -> json(url(c), Map.of("username", "Pulse", "content", n.subject(), "embeds", List.of(Map.of(
          "title", n.subject(), "description", n.message(), "color", color(n), "timestamp", n.at().toString(),
          "fields", List.of(Map.of("name", "Resource", "value", n.resourceName(), "inline", true),
              Map.of("name", "Rule", "value", n.ruleId(), "inline", true))))));
      case SLACK -> json(url(c), Map.of("text", n.subject(), "blocks", List.of(Map.of("type", "section", "text",
          Map.of("type", "mrkdwn", "text", "*" + n.subject() + "*\n" + n.message() + "\nResource: " + n.resourceName())))));
      case MATTERMOST -> json(url(c), Map.of("username", "Pulse", "text", "**" + n.subject() + "**\n" + n.message()));
      case TEAMS -> json(url(c), Map.of("type", "message", "attachments", List.of(Map.of(
          "contentType", "application/vnd.microsoft.card.adaptive", "content", Map.of(
              "$schema", "http://adaptivecards.io/schemas/adaptive-card.json", "type", "AdaptiveCard", "version", "1.4",
              "body", List.of(Map.of("type", "TextBlock", "text", n.subject(), "weight", "Bolder", "wrap", true,
                  "color", n.resolved() ? "Good" : n.level().equals("critical") ? "Attention" : "Warning"),
                  Map.of("type", "TextBlock", "text", n.message(), "wrap", true),
                  Map.of("type", "FactSet", "facts", List.of(Map.of("title", "Resource", "value", n.resourceName()),
                      Map.of("title", "Rule", "value", n.ruleId())))))))));
      case TELEGRAM -> json(URI.create(c.setting("url", "https://api.telegram.org") + "/bot" + secret(c, "token") + "/sendMessage"),
          Map.of("chat_id", required(c, "chatId"), "text", n.subject() + "\n" + n.message(), "disable_web_page_preview", true));
      case NTFY -> {
        Map<String, String> headers = new HashMap<>(Map.of("Title", headerText(n.subject()), "Priority", n.resolved() ? "3" : n.level().equals("critical") ? "5" : "4",
            "Tags", n.resolved() ? "white_check_mark" : n.level().equals("critical") ? "rotating_light" : "warning"));
        Secret token = c.secrets().get("token");
        if (token != null) {
          headers.put("Authorization", "Bearer " + token.reveal());
        }
        yield new WebhookRequest(url(c), headers, "text/plain; charset=utf-8", n.message().getBytes(StandardCharsets.UTF_8));
      }
      case GOTIFY -> new WebhookRequest(URI.create(stripSlash(required(c, "url")) + "/message"), Map.of("X-Gotify-Key", secret(c, "token")),
          "application/json", bytes(Map.of("title", n.subject(), "message", n.message(), "priority",
              n.resolved() ? 2 : n.level().equals("critical") ? 8 : 5)));
      case PUSHOVER -> json(URI.create(c.setting("url", "https://api.pushover.net/1/messages.json")), Map.of(
          "token", secret(c, "token"), "user", secret(c, "userKey"), "title", n.subject(), "message", n.message(),
          "priority", n.resolved() ? -1 : n.level().equals("critical") ? 1 : 0, "timestamp", n.at().getEpochSecond()));
      case PAGERDUTY -> json(URI.create(c.setting("url", "https://events.pagerduty.com/v2/enqueue")), pagerDuty(c, n));
      case APPRISE -> json(URI.create(stripSlash(required(c, "url")) + "/notify" + appriseKey(c)), Map.of("title", n.subject(),
          "body", n.message(), "type", n.resolved() ? "success" : n.level().equals("critical") ? "failure" : "warning"));
      case WEBHOOK -> {
        String template = c.setting("template", null);
        if (template == null) {
          yield json(url(c), generic(n));
        }
        try {
          yield new WebhookRequest(url(c), Map.of(), c.setting("contentType", "application/json"),
              new BodyTemplate(template).render(n).getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw new DeliveryFailed(e.getMessage(), true);
        }
      }
      case EMAIL -> throw new DeliveryFailed("email is not a webhook", true);
    };
  }

  private static Map<String, Object> pagerDuty(Channel c, Notification n) throws DeliveryFailed {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("routing_key", secret(c, "routingKey"));
    body.put("event_action", n.resolved() ? "resolve" : "trigger");
    body.put("dedup_key", n.alertId());
    if (!n.resolved()) {
      body.put("payload", Map.of("summary", n.subject(), "source", n.resourceName(), "severity", n.level().equals("critical")
          ? "critical" : "warning", "timestamp", n.at().toString(), "component", n.resourceId(), "class", n.ruleId(),
          "custom_details", generic(n)));
    }
    return body;
  }

  /** Every field of the notification, for receivers of the generic webhook. */
  public static Map<String, Object> generic(Notification n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", n.id());
    m.put("event", n.event());
    m.put("alertId", n.alertId());
    m.put("ruleId", n.ruleId());
    m.put("resourceId", n.resourceId());
    m.put("resourceName", n.resourceName());
    m.put("level", n.level());
    m.put("message", n.message());
    m.put("value", n.value());
    m.put("threshold", n.threshold());
    m.put("at", n.at().toString());
    m.put("since", n.since() == null ? null : n.since().toString());
    return m;
  }

  /**
   * A header value: as it is when ASCII, else RFC 2047-encoded ({@code =?UTF-8?B?…?=}, which ntfy
   * decodes), since HTTP headers cannot carry "≥" or "°C" as they are.
   */
  static String headerText(String text) {
    if (StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
      return text;
    }
    return "=?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
  }

  private static int color(Notification n) {
    return n.resolved() ? 0x2e7d32 : n.level().equals("critical") ? 0xc62828 : 0xef6c00;
  }

  private static WebhookRequest json(URI url, Object body) throws DeliveryFailed {
    return new WebhookRequest(url, Map.of(), "application/json", bytes(body));
  }

  private static byte[] bytes(Object body) throws DeliveryFailed {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new DeliveryFailed("cannot write the payload: " + e.getMessage(), true);
    }
  }

  private static URI url(Channel c) throws DeliveryFailed {
    return URI.create(required(c, "url"));
  }

  private static String required(Channel c, String key) throws DeliveryFailed {
    String v = c.setting(key, null);
    if (v == null) {
      throw new DeliveryFailed("the " + c.type().wireName() + " channel needs " + key, true);
    }
    return v;
  }

  private static String secret(Channel c, String key) throws DeliveryFailed {
    Secret s = c.secrets().get(key);
    if (s == null || s.reveal().isBlank()) {
      throw new DeliveryFailed("the " + c.type().wireName() + " channel needs its " + key, true);
    }
    return s.reveal();
  }

  private static String appriseKey(Channel c) {
    String key = c.setting("key", null);
    return key == null ? "" : "/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
