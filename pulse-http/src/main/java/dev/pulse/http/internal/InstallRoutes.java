package dev.pulse.http.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code GET /install.sh} and {@code GET /download/pulse-agent.jar}, public so that a fresh host
 * can fetch them with only the command the UI shows. The jar carries its SHA-256 in {@code
 * X-Checksum-Sha256}, which the script checks before installing. Neither holds a secret: the token
 * is in the command, never in the script. Internal: not API.
 */
public final class InstallRoutes {

  private final Path agentJar;
  private volatile String checksum;
  private volatile long checksumFor = -1;

  /** @param agentJar the jar to serve, or {@code null} when this build has none */
  public InstallRoutes(Path agentJar) {
    this.agentJar = agentJar;
  }

  public void register(RoutesConfig routes) {
    routes.get("/install.sh", this::script, Access.PUBLIC);
    routes.get("/download/pulse-agent.jar", this::jar, Access.PUBLIC);
  }

  private void script(Context ctx) {
    try (InputStream in = InstallRoutes.class.getResourceAsStream("/dev/pulse/http/install.sh")) {
      if (in == null) {
        throw new IllegalStateException("install.sh is missing from the jar");
      }
      ctx.contentType("text/x-shellscript; charset=utf-8").result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void jar(Context ctx) throws IOException {
    if (agentJar == null || !Files.isRegularFile(agentJar)) {
      throw new ProblemException(404, "Not found",
          "this Pulse was not started from its jar, so it has no agent jar to serve; run it with java -jar pulse.jar", null);
    }
    ctx.header("X-Checksum-Sha256", checksum());
    ctx.header("Content-Disposition", "attachment; filename=\"pulse-agent.jar\"");
    ctx.contentType("application/java-archive");
    ctx.header("Content-Length", String.valueOf(Files.size(agentJar)));
    ctx.result(Files.newInputStream(agentJar));
  }

  /** The jar's SHA-256, computed once per jar version (its modification time). */
  private String checksum() throws IOException {
    long modified = Files.getLastModifiedTime(agentJar).toMillis();
    if (checksum == null || checksumFor != modified) {
      try (InputStream in = new DigestInputStream(Files.newInputStream(agentJar), MessageDigest.getInstance("SHA-256"))) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
        checksum = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        checksumFor = modified;
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return checksum;
  }
}
