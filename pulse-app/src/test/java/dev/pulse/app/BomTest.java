package dev.pulse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** pulse-bom names every library module of the build, at the build's version, and nothing else. */
class BomTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>(pulse-[^<]+)</artifactId>");
  /** Built but not libraries: the UI's assets, the benchmarks, and the BOM itself. */
  private static final Set<String> NOT_LIBRARIES = Set.of("pulse-frontend", "pulse-bench", "pulse-bom", "pulse-parent");

  private static List<String> all(Pattern p, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void theBomListsEveryLibraryModuleOfTheBuild() throws Exception {
    Set<String> libraries = new TreeSet<>();
    for (String module : all(MODULE, Files.readString(ROOT.resolve("pom.xml")))) {
      String artifact = all(ARTIFACT, Files.readString(ROOT.resolve(module).resolve("pom.xml"))).stream()
          .filter(a -> !a.equals("pulse-parent")).findFirst().orElseThrow();
      if (!NOT_LIBRARIES.contains(artifact)) {
        libraries.add(artifact);
      }
    }
    Set<String> listed = new TreeSet<>(all(ARTIFACT, Files.readString(ROOT.resolve("pulse-bom").resolve("pom.xml"))));
    listed.remove("pulse-bom");
    assertEquals(libraries, listed);
  }
}
