package dev.pulse.simulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.simulators.pbs.PbsSimulator;
import dev.pulse.simulators.pmg.PmgSimulator;
import dev.pulse.simulators.pve.PveSimulator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulators as a test kit: Debian's {@code python3-proxmoxer}, a real client, signs in to the
 * PVE, PBS and PMG simulators as {@code simulate} starts them, GETs every path docs/simulators.md
 * lists, and checks that the answers agree with {@code /cluster/resources} and each other
 * ({@code proxmoxer_check.py}). {@code .ci/run} installs the package.
 */
class SimulatorProxmoxerIT {

  private static final Path DOCS = Path.of("..", "docs", "simulators.md");
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final String SECRET = "00000000-0000-0000-0000-000000000000";

  @TempDir Path work;

  /** The paths a section of the docs lists between {@code <!-- served-paths: NAME -->} and {@code <!-- end -->}. */
  static List<String> documentedPaths(String section) throws Exception {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : Files.readAllLines(DOCS)) {
      if (line.strip().equals("<!-- served-paths: " + section + " -->")) {
        in = true;
      } else if (line.strip().equals("<!-- end -->")) {
        in = false;
      } else if (in && line.startsWith("- `GET ")) {
        out.add(line.substring("- `GET ".length(), line.indexOf('`', 3)));
      }
    }
    return out;
  }

  private Path pathsFile(String section) throws Exception {
    List<String> paths = documentedPaths(section);
    assertTrue(paths.size() > 5, section + " paths in " + DOCS.toAbsolutePath() + ": " + paths);
    return Files.write(work.resolve(section + ".txt"), paths);
  }

  @Test
  void proxmoxerReadsEveryDocumentedPathAndTheAnswersAgree() throws Exception {
    assertTrue(Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import proxmoxer").start()
        .waitFor() == 0, "needs Debian's python3-proxmoxer: apt-get install python3-proxmoxer (.ci/run does)");
    Path script = work.resolve("proxmoxer_check.py");
    try (InputStream in = SimulatorProxmoxerIT.class.getResourceAsStream("/proxmoxer_check.py")) {
      Files.copy(in, script);
    }
    try (PveSimulator pve = PveSimulator.builder().token("pulse@pve!monitor", SECRET).start();
        PbsSimulator pbs = PbsSimulator.builder().token("pulse@pbs!monitor", SECRET).start();
        PmgSimulator pmg = PmgSimulator.builder().user("pulse@pmg", "mail gateway password", false).start()) {
      Map<String, Object> args = new LinkedHashMap<>();
      args.put("pve", pve.port());
      args.put("pveToken", "pulse@pve!monitor");
      args.put("pvePaths", pathsFile("pve").toString());
      args.put("pbs", pbs.baseUrl().getPort());
      args.put("pbsToken", "pulse@pbs!monitor");
      args.put("pbsPaths", pathsFile("pbs").toString());
      args.put("pmg", pmg.baseUrl().getPort());
      args.put("pmgUser", "pulse@pmg");
      args.put("pmgPassword", "mail gateway password");
      args.put("pmgPaths", pathsFile("pmg").toString());
      args.put("secret", SECRET);
      Process p = new ProcessBuilder(PYTHON.toString(), script.toString(), new ObjectMapper().writeValueAsString(args))
          .redirectErrorStream(true).start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "proxmoxer finished");
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), out);
      int listed = documentedPaths("pve").size() + documentedPaths("pbs").size() + documentedPaths("pmg").size();
      assertEquals("ok " + listed + " paths", out.strip().lines().reduce((a, b) -> b).orElse(""), out);
    }
  }
}
