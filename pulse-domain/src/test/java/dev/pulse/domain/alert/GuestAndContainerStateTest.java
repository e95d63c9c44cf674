package dev.pulse.domain.alert;

import static dev.pulse.domain.alert.AlertFixtures.T0;
import static dev.pulse.domain.alert.AlertFixtures.container;
import static dev.pulse.domain.alert.AlertFixtures.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pulse.domain.resource.DockerFacet;
import dev.pulse.domain.resource.ProxmoxFacet;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Powered-off guests (a rule the operator turns on) and containers that exited with an error. */
class GuestAndContainerStateTest {

  private final AlertEvaluator evaluator = new AlertEvaluator(DefaultRules.ALL);
  private AlertBook book = AlertBook.EMPTY;
  private final List<AlertEvent> events = new ArrayList<>();

  private void run(AlertConfig config, Instant at, Resource... resources) {
    AlertEvaluator.Outcome o = evaluator.evaluate(List.of(resources), book, config, at);
    book = o.book();
    events.addAll(o.events());
  }

  private List<String> of(String rule) {
    return events.stream().filter(e -> e.alert().ruleId().equals(rule)).map(e -> e.type() + " " + e.alert().resourceId()).toList();
  }

  private static Resource stopped(String id, boolean template) {
    Resource r = vm(id, null).withStatus(ResourceStatus.OFFLINE);
    return new Resource(r.id(), r.type(), r.name(), r.status(), r.parentId(), r.sources(), r.identity(), r.metrics(), r.tags(),
        r.facets().withProxmox(new ProxmoxFacet("pve1", 100, template, null, null, null, "stopped", null)));
  }

  private static Resource exited(String id, Integer code) {
    Resource r = container(id, 0);
    DockerFacet.Container c = new DockerFacet.Container(id, "backup:1", "exited", null, null, 0, code, false, null, null, null,
        null, null, List.of(), Map.of());
    return new Resource(r.id(), r.type(), r.name(), r.status(), r.parentId(), r.sources(), r.identity(), r.metrics(), r.tags(),
        r.facets().withDocker(DockerFacet.ofContainer(c)));
  }

  @Test
  void aStoppedGuestIsNoAlertUntilTheOperatorTurnsTheRuleOn() {
    run(AlertConfig.DEFAULT, T0, stopped("db", false));
    run(AlertConfig.DEFAULT, T0.plusSeconds(120), stopped("db", false));
    assertEquals(List.of(), of("powered-off"));
    AlertConfig on = new AlertConfig(Map.of("powered-off", new AlertConfig.RuleSettings(true, null, null)), Map.of(), Map.of(),
        AlertConfig.Flapping.DEFAULT);
    run(on, T0.plusSeconds(180), stopped("db", false), stopped("tpl", true));
    run(on, T0.plusSeconds(240), stopped("db", false), stopped("tpl", true));
    assertEquals(List.of("FIRED db"), of("powered-off"), "after its minute; a template is never running");
    run(on, T0.plusSeconds(300), vm("db", 3.0), vm("tpl", null));
    assertEquals(List.of("FIRED db"), of("powered-off"), "two evaluations running confirm it is back");
    run(on, T0.plusSeconds(360), vm("db", 3.0), vm("tpl", null));
    assertEquals(List.of("FIRED db", "RESOLVED db"), of("powered-off"));
  }

  @Test
  void aContainerThatExitedWithAnErrorIsAnAlertButAFinishedJobIsNot() {
    Instant later = T0.plus(Duration.ofMinutes(2));
    run(AlertConfig.DEFAULT, T0, exited("backup", 1), exited("migrate", 0));
    run(AlertConfig.DEFAULT, later, exited("backup", 1), exited("migrate", 0));
    assertEquals(List.of("FIRED backup"), of("container-health"));
    assertEquals("backup exited with code 1", book.alerts().get("container-health@backup").message());
  }
}
