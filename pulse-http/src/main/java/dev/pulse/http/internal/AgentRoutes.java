package dev.pulse.http.internal;

import dev.pulse.domain.agent.AgentReport;
import dev.pulse.domain.agent.AgentReportDecoder;
import dev.pulse.domain.agent.InvalidReportException;
import dev.pulse.domain.source.SourceKeys;
import dev.pulse.engine.PulseEngine;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * {@code POST /api/agents/{kind}/report}: agents push reports here, plain or gzip. Each kind has
 * an encoded and a decoded size limit (host 256 KiB / 1.5 MiB, others 2 MiB / 10 MiB); a larger
 * body gets 413, and a gzip bomb is stopped at the decoded limit without inflating the rest. A
 * body the decoder refuses gets 400 naming the field, and nothing is stored. Internal: not API.
 */
public final class AgentRoutes {

  private static final long KIB = 1024;

  private final PulseEngine engine;
  private final List<AgentReportDecoder> decoders;
  private final String serverVersion;

  public AgentRoutes(PulseEngine engine, List<AgentReportDecoder> decoders, String serverVersion) {
    this.engine = engine;
    this.decoders = List.copyOf(decoders);
    this.serverVersion = serverVersion;
  }

  public void register(RoutesConfig routes) {
    for (AgentReportDecoder decoder : decoders) {
      Access scope = switch (decoder.kind()) {
        case "host" -> Access.AGENT_REPORT;
        case "docker" -> Access.DOCKER_REPORT;
        case "kubernetes" -> Access.KUBERNETES_REPORT;
        default -> throw new IllegalArgumentException("no report scope for agent kind " + decoder.kind());
      };
      routes.post("/api/agents/" + decoder.kind() + "/report", ctx -> receive(ctx, decoder), scope);
      if (decoder.kind().equals("host")) {
        routes.post("/api/agents/agent/report", ctx -> receive(ctx, decoder), scope); // the unified agent's path
      }
    }
  }

  private void receive(Context ctx, AgentReportDecoder decoder) {
    boolean host = decoder.kind().equals("host");
    long encodedLimit = host ? 256 * KIB : 2048 * KIB;
    long decodedLimit = host ? 1536 * KIB : 10240 * KIB;
    byte[] body = read(ctx, encodedLimit, decodedLimit);
    AgentReport report;
    try {
      report = decoder.decode(body);
    } catch (InvalidReportException e) {
      throw ProblemException.badField(e.field(), e.getMessage());
    }
    String sourceId = SourceKeys.of(decoder.kind() + "-", report.agentId());
    engine.ingest(sourceId, decoder.platform(), report.interval(), decoder.graceIntervals(), report.resources());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("success", true);
    answer.put("agentId", report.agentId());
    answer.put("lastSeen", engine.clock().instant().toString());
    answer.put("serverVersion", serverVersion);
    answer.put("config", Map.of("intervalSeconds", report.interval().toSeconds()));
    ctx.json(answer);
  }

  private static byte[] read(Context ctx, long encodedLimit, long decodedLimit) {
    if (ctx.contentLength() > encodedLimit) {
      RequestBodies.drain(ctx);
      throw tooLarge("the body must be at most " + encodedLimit + " bytes");
    }
    byte[] raw;
    try (InputStream in = ctx.bodyInputStream()) {
      raw = in.readNBytes((int) encodedLimit + 1);
    } catch (IOException e) {
      throw ProblemException.badField(null, "the body could not be read");
    }
    if (raw.length > encodedLimit) {
      RequestBodies.drain(ctx);
      throw tooLarge("the body must be at most " + encodedLimit + " bytes");
    }
    String encoding = ctx.header("Content-Encoding");
    boolean gzip = (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip"))
        || (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b);
    if (!gzip) {
      return raw;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      byte[] decoded = in.readNBytes((int) decodedLimit + 1);
      if (decoded.length > decodedLimit) {
        throw tooLarge("the decoded body must be at most " + decodedLimit + " bytes");
      }
      return decoded;
    } catch (IOException e) {
      throw ProblemException.badField(null, "the gzip body is truncated or corrupt");
    }
  }

  private static ProblemException tooLarge(String detail) {
    return new ProblemException(413, "Request body too large", detail, null);
  }
}
