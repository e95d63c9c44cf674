package dev.pulse.domain.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.domain.resource.Facets;
import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.Metrics;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.resource.ResourceType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SourceKeysTest {

  @Test
  void aSafeNameIsKeptAsItIsSoIdsStayStable() {
    assertEquals("pod-default.web-0", SourceKeys.of("pod-", "default.web-0"));
    assertEquals("container-0123456789ab", SourceKeys.of("container-", "0123456789ab"));
  }

  @Test
  void anyOtherNameBecomesASafeKeyAndDifferentNamesStayDifferent() {
    List<String> names = List.of("my app", "my/app", "my_app", "appé", "app%s", "app\u0000", "名前", "a".repeat(5000),
        "a".repeat(5000) + "b", " ", "my\tapp");
    Set<String> keys = new HashSet<>();
    for (String name : names) {
      String key = SourceKeys.of("svc-", name);
      assertTrue(SourceKeys.isSafe(key), key);
      assertTrue(key.startsWith("svc-"), key);
      keys.add(key);
      observed(key); // the record takes it
    }
    assertEquals(names.size(), keys.size(), "no two names share a key: " + keys);
    assertNotEquals(SourceKeys.of("svc-", "my app"), SourceKeys.of("svc-", "my_app"));
    assertEquals(SourceKeys.of("svc-", "my app"), SourceKeys.of("svc-", "my app"), "the same name, the same key");
  }

  private static ObservedResource observed(String key) {
    return new ObservedResource(key, ResourceType.APP_CONTAINER, "x", ResourceStatus.ONLINE, null, Identity.EMPTY, Metrics.UNKNOWN,
        List.of(), Facets.NONE);
  }
}
