package dev.pulse.adapters.agents.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pulse.simulators.agent.ReportSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmartReaderTest {

  @Test
  void nvmeWearAndAtaSectorCountsAreReadAndASleepingDiskIsLeftAlone() {
    List<List<String>> calls = new ArrayList<>();
    SmartReader reader = new SmartReader(args -> {
      calls.add(args);
      return Optional.ofNullable(ReportSamples.smartctl(args));
    });

    List<SmartReader.SmartDisk> disks = reader.read();

    assertEquals(List.of("/dev/nvme0", "/dev/sda"), disks.stream().map(SmartReader.SmartDisk::device).toList());
    SmartReader.SmartDisk nvme = disks.get(0);
    assertEquals(3, nvme.wearoutPercent());
    assertEquals(41.0, nvme.temperatureCelsius());
    assertEquals(0L, nvme.mediaErrors());
    assertEquals(Boolean.TRUE, nvme.passed());
    SmartReader.SmartDisk hdd = disks.get(1);
    assertEquals(8L, hdd.reallocatedSectors());
    assertEquals(2L, hdd.pendingSectors());
    assertEquals(40210L, hdd.powerOnHours());
    assertNull(hdd.wearoutPercent(), "an HDD has no wearout: unknown, not 0");
    assertTrue(calls.stream().skip(1).allMatch(a -> a.contains("standby")), "never wakes a sleeping disk");
    assertTrue(calls.contains(List.of("-j", "-a", "-n", "standby", "-d", "sat", "/dev/sda")));
  }

  @Test
  void withoutSmartctlThereIsNothingToReadAndNoError(@TempDir Path empty) {
    assertTrue(SmartReader.system(empty.toString(), Duration.ofSeconds(5)).read().isEmpty());
    assertTrue(SmartReader.system(null, Duration.ofSeconds(5)).read().isEmpty());
  }

  @Test
  void aRealSmartctlProcessIsRunAndAFailingDiskIsSeenAsFailing(@TempDir Path bin) throws Exception {
    Path smartctl = bin.resolve("smartctl");
    Files.writeString(smartctl, """
        #!/bin/sh
        case "$*" in
          *--scan*) echo '{"devices":[{"name":"/dev/sdc","type":"sat"}]}' ;;
          *) echo '{"model_name":"Dying HDD","smart_status":{"passed":false},"temperature":{"current":52}}'; exit 8 ;;
        esac
        """);
    Files.setPosixFilePermissions(smartctl, PosixFilePermissions.fromString("rwxr-xr-x"));

    List<SmartReader.SmartDisk> disks = SmartReader.system(bin.toString(), Duration.ofSeconds(10)).read();

    assertEquals(1, disks.size());
    assertEquals(Boolean.FALSE, disks.get(0).passed(), "read even though smartctl exits non-zero");
    assertEquals(52.0, disks.get(0).temperatureCelsius());
  }
}
