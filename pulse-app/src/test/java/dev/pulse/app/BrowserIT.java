package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pulse.simulators.pbs.PbsSimulator;
import dev.pulse.simulators.pve.PveSimulator;
import dev.pulse.simulators.truenas.TrueNasSimulator;
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
  void fiveThousandGuestsRenderOnlyTheRowsNearTheViewport() throws Exception {
    String secret = "large-cluster-secret-0001";
    try (PveSimulator pve = PveSimulator.builder().token("load@pve!e2e", secret).extraGuests(5000).start();
        PulseServer server = AppFixture.start(data, false)) {
      server.engine().connections().create(dev.pulse.domain.connection.ConnectionDraft.withToken("pve", "large",
          pve.baseUrl().toString(), "load@pve!e2e", secret, pve.fingerprint(), true));
      int exit = runNode("large.e2e.mjs", "http://127.0.0.1:" + server.port(), AppFixture.TOKEN, "5034");
      assertEquals(0, exit, "large.e2e.mjs failed; see its output above");
    }
  }

  @Test
  void theFirstAdminIsCreatedWithTheBootstrapTokenAViewerSeesNoSettingsAndOidcAndSamlSignPeopleIn() throws Exception {
    no.nav.security.mock.oauth2.MockOAuth2Server idp = new no.nav.security.mock.oauth2.MockOAuth2Server();
    idp.start(0);
    // the provider's next sign-in: dana, in the group the journey maps to admin
    idp.enqueueCallback(new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback("corp", "dana", "JWT", List.of("pulse"),
        java.util.Map.of("preferred_username", "dana", "groups", List.of("pulse-admins")), 3600));
    try (dev.pulse.simulators.saml.SamlIdpSimulator saml = dev.pulse.simulators.saml.SamlIdpSimulator.start(
            java.time.Clock.systemUTC());
        PulseServer server = PulseServer.start(AppFixture.config(data, null), false, java.time.Clock.systemUTC(), "it")) {
      saml.nextUser("frank", java.util.Map.of("memberOf", List.of("ops")));
      saml.afterLogout("http://127.0.0.1:" + server.port() + "/api/security/sso/saml/corpsaml/sls");
      int exit = runNode("accounts.e2e.mjs", "http://127.0.0.1:" + server.port(), server.bootstrapToken(),
          idp.wellKnownUrl("corp").toString(), saml.entityId(), saml.ssoUrl(), saml.sloUrl(), saml.certificatePem());
      assertEquals(0, exit, "accounts.e2e.mjs failed; see its output above");
    } finally {
      idp.shutdown();
    }
  }

  @Test
  void outsideDemoModeTheUiTakesTheTokenThenAddsPvePbsAndTrueNasConnectionsWhoseDataAppears() throws Exception {
    String tokenId = "ui@pve!e2e";
    String secret = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    try (PveSimulator pve = PveSimulator.builder().token(tokenId, secret).start();
        PbsSimulator pbs = PbsSimulator.builder().token("ui@pbs!e2e", secret).start();
        TrueNasSimulator truenas = TrueNasSimulator.builder().apiKey("1-e2ekey").start();
        PulseServer server = AppFixture.start(data, false)) {
      int exit = runNode("token.e2e.mjs", "http://127.0.0.1:" + server.port(), AppFixture.TOKEN,
          pve.baseUrl().toString(), tokenId, secret, pve.fingerprint(), pbs.baseUrl().toString(), "ui@pbs!e2e", secret,
          truenas.baseUrl().toString(), "1-e2ekey");
      assertEquals(0, exit, "token.e2e.mjs failed; see its output above");
    }
  }
}
