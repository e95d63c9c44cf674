package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UI in real headless Chromium (Debian's, driven by playwright-core from frontend/e2e) against
 * a whole Pulse. Needs /usr/bin/chromium: .ci/run installs it.
 */
class BrowserIT {

  @TempDir Path data;

  private static int runNode(String script, String... args) throws Exception {
    Path frontend = Path.of(System.getProperty("pulse.frontend.dir", "../frontend")).toAbsolutePath().normalize();
    List<String> command = new ArrayList<>(List.of("node", frontend.resolve("e2e").resolve(script).toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("pulse-e2e-", ".log");
    Process process = new ProcessBuilder(command).directory(frontend.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean finished = process.waitFor(3, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    System.out.print(Files.readString(log)); // through Surefire's channel, into the test report
    Files.deleteIfExists(log);
    if (!finished) {
      throw new AssertionError(script + " did not finish within 3 minutes");
    }
    return process.exitValue();
  }

  @Test
  void theWorkloadsPageShowsASimulatedVmAndItsCpuChangesWithoutReload() throws Exception {
    try (PulseServer server = AppFixture.start(data, true)) {
      Path shot = Path.of("target", "screenshots");
      Files.createDirectories(shot);
      int exit = runNode("workloads.e2e.mjs", "http://127.0.0.1:" + server.port(),
          shot.resolve("infrastructure.png").toAbsolutePath().toString());
      assertEquals(0, exit, "workloads.e2e.mjs failed; see its output above");
    }
  }

  @Test
  void outsideDemoModeTheUiAsksForTheTokenOrTakesItFromALink() throws Exception {
    try (PulseServer server = AppFixture.start(data, false)) {
      int exit = runNode("token.e2e.mjs", "http://127.0.0.1:" + server.port(), AppFixture.TOKEN);
      assertEquals(0, exit, "token.e2e.mjs failed; see its output above");
    }
  }
}
