package dev.pulse.http.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * {@code GET /metrics}: the Prometheus text format, for a token with {@code monitoring:read}
 * (Prometheus sends it with {@code authorization: {credentials: <token>}}). Internal: not API.
 */
public final class PrometheusRoutes {

  private final PrometheusExport export;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  public PrometheusRoutes(PrometheusExport export) {
    this.export = export;
  }

  public void register(RoutesConfig routes) {
    routes.get("/metrics", this::scrape, Access.MONITORING_READ);
  }

  private void scrape(Context ctx) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    writer.write(out, export.registry().scrape(), EscapingScheme.DEFAULT);
    ctx.contentType(PrometheusTextFormatWriter.CONTENT_TYPE).result(out.toByteArray());
  }
}
