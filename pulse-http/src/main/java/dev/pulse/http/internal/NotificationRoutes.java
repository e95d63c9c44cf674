package dev.pulse.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.connection.Secret;
import dev.pulse.domain.alert.AlertCategory;
import dev.pulse.domain.notify.Channel;
import dev.pulse.domain.notify.QuietHours;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import dev.pulse.domain.notify.ChannelType;
import dev.pulse.domain.notify.QueuedNotification;
import dev.pulse.engine.NotificationService;
import dev.pulse.engine.PulseEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * {@code /api/notifications}: the channels (create, change, delete, test; secrets are write-only and
 * shown as {@code "set"}) and the delivery queue with its dead letters. Internal: not API.
 */
public final class NotificationRoutes {

  private static final Set<String> QUEUE_STATES = Set.of(QueuedNotification.PENDING, QueuedNotification.SENT, QueuedNotification.DEAD);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final NotificationService notifications;
  private final RequestBodies bodies;

  public NotificationRoutes(PulseEngine engine, ObjectMapper json, long maxBodyBytes) {
    this.notifications = engine.notifications();
    this.bodies = new RequestBodies(json, maxBodyBytes);
  }

  /** A channel as the client sends it; a secret left out keeps its stored value, an empty one removes it. */
  public record ChannelBody(String name, String type, Boolean enabled, Map<String, String> settings, Map<String, String> secrets,
      Boolean allowPrivateAddresses, QuietBody quietHours, Integer maxPerHour, Integer groupSeconds) {}

  /** {@code start}/{@code end} as HH:mm, {@code zone} as Europe/Berlin, categories as in alerts. */
  public record QuietBody(String start, String end, String zone, List<String> categories, Boolean criticalToo) {}

  public void register(RoutesConfig routes) {
    routes.get("/api/notifications/channels", ctx -> ctx.json(Map.of("channels",
        notifications.channels().stream().map(NotificationRoutes::json).toList())), Access.SETTINGS_READ);
    routes.post("/api/notifications/channels", this::create, Access.SETTINGS_WRITE);
    routes.put("/api/notifications/channels/{id}", this::update, Access.SETTINGS_WRITE);
    routes.delete("/api/notifications/channels/{id}", this::delete, Access.SETTINGS_WRITE);
    routes.post("/api/notifications/channels/{id}/test", this::test, Access.SETTINGS_WRITE);
    routes.get("/api/notifications/queue", this::queue, Access.SETTINGS_READ);
  }

  private void create(Context ctx) {
    ChannelBody body = bodies.read(ctx, ChannelBody.class);
    byte[] id = new byte[6];
    RANDOM.nextBytes(id);
    Channel saved = checked(() -> notifications.save(channel(HexFormat.of().formatHex(id), body, Map.of())));
    ctx.status(201).json(json(saved));
  }

  private void update(Context ctx) {
    Channel existing = existing(ctx.pathParam("id"));
    ChannelBody body = bodies.read(ctx, ChannelBody.class);
    ctx.json(json(checked(() -> notifications.save(channel(existing.id(), body, existing.secrets())))));
  }

  private void delete(Context ctx) {
    if (!notifications.delete(ctx.pathParam("id"))) {
      throw new ProblemException(404, "Not found", "no channel " + ctx.pathParam("id"), "id");
    }
    ctx.status(204);
  }

  private void test(Context ctx) {
    existing(ctx.pathParam("id"));
    var error = notifications.test(ctx.pathParam("id"));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("ok", error.isEmpty());
    result.put("error", error.orElse(null));
    ctx.json(result);
  }

  private void queue(Context ctx) {
    String state = ctx.queryParam("state");
    if (state != null && !QUEUE_STATES.contains(state)) {
      throw ProblemException.badField("state", "state must be pending, sent or dead");
    }
    int limit;
    try {
      limit = ctx.queryParam("limit") == null ? 100 : Integer.parseInt(ctx.queryParam("limit"));
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > 1_000) {
      throw ProblemException.badField("limit", "limit must be a whole number from 1 to 1000");
    }
    ctx.json(Map.of("entries", notifications.queue(state, limit).stream().map(q -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", q.id());
      m.put("channelId", q.channelId());
      m.put("event", q.notification().event());
      m.put("alertId", q.notification().alertId());
      m.put("subject", q.notification().subject());
      m.put("state", q.state());
      m.put("attempts", q.attempts());
      m.put("nextAttempt", q.nextAttempt().toString());
      m.put("sentAt", q.sentAt() == null ? null : q.sentAt().toString());
      m.put("lastError", q.lastError());
      return m;
    }).toList()));
  }

  private static Channel checked(java.util.function.Supplier<Channel> save) {
    try {
      return save.get();
    } catch (dev.pulse.domain.InvalidFieldException e) {
      throw ProblemException.badField(e.field(), e.getMessage());
    }
  }

  private Channel existing(String id) {
    return notifications.channel(id).orElseThrow(() -> new ProblemException(404, "Not found", "no channel " + id, "id"));
  }

  /** Validates a body into a channel, keeping the stored secrets it does not mention. */
  static Channel channel(String id, ChannelBody b, Map<String, Secret> stored) {
    if (b.name() == null || b.name().isBlank() || b.name().length() > 100) {
      throw ProblemException.badField("name", "name is required, at most 100 characters");
    }
    ChannelType type = b.type() == null ? null : ChannelType.fromWireName(b.type()).orElse(null);
    if (type == null) {
      throw ProblemException.badField("type", "type must be one of " + String.join(", ",
          java.util.Arrays.stream(ChannelType.values()).map(ChannelType::wireName).toList()));
    }
    Map<String, String> settings = b.settings() == null ? Map.of() : b.settings();
    for (String key : requiredSettings(type, settings)) {
      if (settings.get(key) == null || settings.get(key).isBlank()) {
        throw ProblemException.badField("settings." + key, "a " + type.wireName() + " channel needs settings." + key);
      }
    }
    String url = settings.get("url");
    if (url != null && !url.isBlank()) {
      try {
        URI u = URI.create(url.strip());
        if (!"https".equalsIgnoreCase(u.getScheme()) && !"http".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
          throw new IllegalArgumentException();
        }
      } catch (IllegalArgumentException e) {
        throw ProblemException.badField("settings.url", "settings.url must be an http or https URL");
      }
    }
    Map<String, Secret> secrets = new HashMap<>(stored);
    if (b.secrets() != null) {
      b.secrets().forEach((k, v) -> {
        if (v == null || v.isEmpty()) {
          secrets.remove(k);
        } else {
          secrets.put(k, Secret.of(v));
        }
      });
    }
    if (b.maxPerHour() != null && (b.maxPerHour() < 0 || b.maxPerHour() > 10_000)) {
      throw ProblemException.badField("maxPerHour", "maxPerHour must be 0 (no limit) to 10000");
    }
    if (b.groupSeconds() != null && (b.groupSeconds() < 0 || b.groupSeconds() > 3_600)) {
      throw ProblemException.badField("groupSeconds", "groupSeconds must be 0 (none) to 3600");
    }
    return new Channel(id, b.name().strip(), type, b.enabled() == null || b.enabled(), settings, secrets,
        Boolean.TRUE.equals(b.allowPrivateAddresses()), quiet(b.quietHours()), b.maxPerHour() == null ? 0 : b.maxPerHour(),
        b.groupSeconds() == null ? 0 : b.groupSeconds());
  }

  private static QuietHours quiet(QuietBody q) {
    if (q == null) {
      return null;
    }
    LocalTime start;
    LocalTime end;
    try {
      start = LocalTime.parse(q.start() == null ? "" : q.start());
    } catch (DateTimeException e) {
      throw ProblemException.badField("quietHours.start", "quietHours.start must be a time such as 22:00");
    }
    try {
      end = LocalTime.parse(q.end() == null ? "" : q.end());
    } catch (DateTimeException e) {
      throw ProblemException.badField("quietHours.end", "quietHours.end must be a time such as 08:00");
    }
    if (start.equals(end)) {
      throw ProblemException.badField("quietHours.end", "quiet hours must not end when they start");
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(q.zone() == null ? "" : q.zone());
    } catch (DateTimeException e) {
      throw ProblemException.badField("quietHours.zone", "quietHours.zone must be a time zone such as Europe/Berlin");
    }
    Set<AlertCategory> categories = new java.util.HashSet<>();
    List<String> names = q.categories() == null ? List.of("performance", "storage") : q.categories();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      AlertCategory c = java.util.Arrays.stream(AlertCategory.values()).filter(x -> x.wireName().equals(name)).findFirst()
          .orElseThrow(() -> ProblemException.badField("quietHours.categories", "categories are performance, storage, availability, health"));
      categories.add(c);
    }
    return new QuietHours(start, end, zone, categories, Boolean.TRUE.equals(q.criticalToo()));
  }

  private static List<String> requiredSettings(ChannelType type, Map<String, String> settings) {
    return switch (type) {
      case EMAIL -> List.of("host", "from", "to");
      case TELEGRAM -> List.of("chatId");
      case PUSHOVER, PAGERDUTY -> List.of();
      case APPRISE -> "cli".equals(settings.get("mode")) ? List.of() : List.of("url");
      default -> List.of("url");
    };
  }

  static Map<String, Object> json(Channel c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("name", c.name());
    m.put("type", c.type().wireName());
    m.put("enabled", c.enabled());
    m.put("settings", c.settings());
    Map<String, String> secrets = new LinkedHashMap<>();
    c.secrets().keySet().stream().sorted().forEach(k -> secrets.put(k, "set"));
    m.put("secrets", secrets);
    m.put("allowPrivateAddresses", c.allowPrivateAddresses());
    QuietHours q = c.quietHours();
    m.put("quietHours", q == null ? null : Map.of("start", q.start().toString(), "end", q.end().toString(), "zone", q.zone().getId(),
        "categories", q.categories().stream().map(AlertCategory::wireName).sorted().toList(), "criticalToo", q.criticalToo()));
    m.put("maxPerHour", c.maxPerHour());
    m.put("groupSeconds", c.groupSeconds());
    return m;
  }
}
