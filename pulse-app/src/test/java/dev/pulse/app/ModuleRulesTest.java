package dev.pulse.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of docs/architecture.md, checked on the compiled main classes of every module. */
class ModuleRulesTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.pulse");
  }

  @Test
  void theDomainDependsOnTheJdkAndNullnessAnnotationsOnly() {
    noClasses().that().resideInAPackage("dev.pulse.domain..")
        .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax.net.ssl..", "javax.crypto..", "javax.security.auth.x500..",
            "org.jspecify..", "dev.pulse.domain..") // the JDK's TLS packages too, for the shared certificate pinning
        .check(classes);
  }

  @Test
  void adaptersDependOnTheDomainOnly() {
    noClasses().that().resideInAPackage("dev.pulse.adapters..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.pulse.engine..", "dev.pulse.http..", "dev.pulse.app..",
            "dev.pulse.simulators..")
        .check(classes);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    for (String adapter : new String[] {"proxmox", "agents", "truenas", "sqlite", "notify"}) {
      noClasses().that().resideInAPackage("dev.pulse.adapters." + adapter + "..")
          .should().dependOnClassesThat(DescribedPredicate.describe("another adapter",
              c -> c.getPackageName().startsWith("dev.pulse.adapters.")
                  && !c.getPackageName().startsWith("dev.pulse.adapters." + adapter)))
          .check(classes);
    }
  }

  @Test
  void theEngineKnowsNeitherAdaptersNorHttp() {
    noClasses().that().resideInAPackage("dev.pulse.engine..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.pulse.adapters..", "dev.pulse.http..", "dev.pulse.app..",
            "dev.pulse.simulators..", "io.javalin..")
        .check(classes);
  }

  @Test
  void simulatorsDependOnNoOtherPulseModule() {
    noClasses().that().resideInAPackage("dev.pulse.simulators..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.pulse.domain..", "dev.pulse.engine..", "dev.pulse.adapters..",
            "dev.pulse.http..", "dev.pulse.app..")
        .check(classes);
  }

  @Test
  void javalinAppearsOnlyInHttpAppAndSimulators() {
    noClasses().that().resideOutsideOfPackages("dev.pulse.http..", "dev.pulse.app..", "dev.pulse.simulators..")
        .should().dependOnClassesThat().resideInAPackage("io.javalin..")
        .check(classes);
  }

  @Test
  void internalPackagesAreNotUsedAcrossModules() {
    for (String module : new String[] {"engine", "http", "app", "simulators", "adapters.proxmox", "adapters.agents",
        "adapters.truenas", "adapters.sqlite", "adapters.notify"}) {
      noClasses().that().resideOutsideOfPackage("dev.pulse." + module + "..")
          .should().dependOnClassesThat().resideInAPackage("dev.pulse." + module + ".internal..")
          .check(classes);
    }
  }

  @Test
  void domainAndEngineReadTimeOnlyFromAnInjectedClock() {
    noClasses().that().resideInAnyPackage("dev.pulse.domain..", "dev.pulse.engine..")
        .should().callMethod(Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .check(classes);
  }

  @Test
  void onlyTheAppReadsTheEnvironment() {
    noClasses().that().resideOutsideOfPackage("dev.pulse.app..")
        .should().callMethod(System.class, "getenv")
        .orShould().callMethod(System.class, "getenv", String.class)
        .check(classes);
  }
}
