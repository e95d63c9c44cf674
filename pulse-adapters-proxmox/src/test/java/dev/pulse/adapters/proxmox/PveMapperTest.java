package dev.pulse.adapters.proxmox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.adapters.proxmox.internal.PveJson;
import dev.pulse.adapters.proxmox.internal.PveMapper;
import dev.pulse.domain.resource.ResourceStatus;
import dev.pulse.domain.source.ObservedResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Edge cases of the PVE mapping that the simulator's scenario does not serve. */
class PveMapperTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private static List<ObservedResource> map(String resources) throws Exception {
    return PveMapper.map(json(resources), Map.of(), Map.of());
  }

  @Test
  void numbersMayBeNumbersOrNumericStringsAndJunkIsUnknown() throws Exception {
    JsonNode n = json("{\"a\":3,\"b\":\"3800.000\",\"c\":\" 7 \",\"d\":\"N/A\",\"e\":null,\"f\":[1]}");
    assertEquals(3.0, PveJson.number(n, "a"));
    assertEquals(3800.0, PveJson.number(n, "b"));
    assertEquals(7L, PveJson.whole(n, "c"));
    assertNull(PveJson.number(n, "d"));
    assertNull(PveJson.number(n, "e"));
    assertNull(PveJson.number(n, "f"));
    assertNull(PveJson.number(n, "missing"));
  }

  @Test
  void booleansAcceptOneZeroTrueFalseAndAbsent() throws Exception {
    JsonNode n = json("{\"a\":1,\"b\":0,\"c\":true,\"d\":\"1\",\"e\":false}");
    assertTrue(PveJson.flag(n, "a"));
    assertFalse(PveJson.flag(n, "b"));
    assertTrue(PveJson.flag(n, "c"));
    assertTrue(PveJson.flag(n, "d"));
    assertFalse(PveJson.flag(n, "e"));
    assertFalse(PveJson.flag(n, "absent"));
  }

  @Test
  void aNodeInStateUnknownHasUnknownStatusAndFigures() throws Exception {
    ObservedResource node = map("[{\"id\":\"node/pve9\",\"type\":\"node\",\"node\":\"pve9\",\"status\":\"unknown\"}]").get(0);
    assertEquals(ResourceStatus.UNKNOWN, node.status());
    assertNull(node.metrics().cpu());
  }

  @Test
  void anOnlineNodeWithoutCpuKeepsCpuUnknownRatherThanZero() throws Exception {
    ObservedResource node = map("[{\"type\":\"node\",\"node\":\"pve1\",\"status\":\"online\",\"maxcpu\":4,"
        + "\"mem\":1,\"maxmem\":4}]").get(0);
    assertNull(node.metrics().cpu());
    assertEquals(25.0, node.metrics().memory().percent());
  }

  @Test
  void guestsWithoutAUsableVmidOrNodeAreSkippedNotGuessed() throws Exception {
    assertTrue(map("[{\"type\":\"qemu\",\"vmid\":\"abc\",\"node\":\"pve1\",\"status\":\"running\"},"
        + "{\"type\":\"lxc\",\"vmid\":101,\"status\":\"running\"}]").isEmpty());
  }

  @Test
  void tagsTolerateMixedSeparatorsAndDuplicates() throws Exception {
    ObservedResource vm = map("[{\"type\":\"qemu\",\"vmid\":100,\"node\":\"pve1\",\"status\":\"stopped\","
        + "\"tags\":\"prod; web,web  db\"}]").get(0);
    assertEquals(List.of("prod", "web", "db"), vm.tags());
    assertEquals("VM 100", vm.name());
  }

  @Test
  void aStorageActiveOnOneNodeOfSeveralIsOnlineWithThatNodesFigures() throws Exception {
    ObservedResource s = map("[{\"type\":\"storage\",\"storage\":\"nfs\",\"node\":\"a\",\"shared\":1,\"status\":\"unknown\"},"
        + "{\"type\":\"storage\",\"storage\":\"nfs\",\"node\":\"b\",\"shared\":1,\"status\":\"available\",\"disk\":\"50\",\"maxdisk\":200}]").get(0);
    assertEquals(ResourceStatus.ONLINE, s.status());
    assertEquals(25.0, s.metrics().disk().percent());
    assertEquals(List.of("a", "b"), s.facets().storage().nodes());
  }
}
