package dev.pulse.adapters.agents.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Disk health from {@code smartctl -j} (smartmontools 7+): {@code --scan} for the devices, then
 * {@code -a -n standby} for each, so that a sleeping disk is not woken. smartctl's exit status is a
 * bit mask that is non-zero for healthy disks too, so its JSON is read whatever the status. With no
 * smartctl on the PATH there is nothing to read, which is not an error.
 */
public final class SmartReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One disk's health. Figures the disk does not give are {@code null}. */
  public record SmartDisk(String device, String model, String serial, Boolean passed, Double temperatureCelsius,
      Long powerOnHours, Integer wearoutPercent, Long reallocatedSectors, Long pendingSectors, Long mediaErrors) {}

  private final Function<List<String>, Optional<String>> run;

  /** @param run runs a smartctl command line and gives its standard output, empty when it cannot run */
  public SmartReader(Function<List<String>, Optional<String>> run) {
    this.run = run;
  }

  /** A reader that runs the {@code smartctl} on the PATH, each call limited to {@code timeout}. */
  public static SmartReader system(String path, Duration timeout) {
    Optional<Path> smartctl = path == null ? Optional.empty() : java.util.Arrays.stream(path.split(File.pathSeparator))
        .map(dir -> Path.of(dir, "smartctl")).filter(Files::isExecutable).findFirst();
    return new SmartReader(args -> smartctl.flatMap(exe -> exec(exe, args, timeout)));
  }

  public List<SmartDisk> read() {
    List<SmartDisk> out = new ArrayList<>();
    Optional<JsonNode> scan = json(List.of("--scan", "-j"));
    if (scan.isEmpty()) {
      return out;
    }
    for (JsonNode device : scan.get().path("devices")) {
      String name = device.path("name").asText("");
      if (name.isEmpty()) {
        continue;
      }
      List<String> args = new ArrayList<>(List.of("-j", "-a", "-n", "standby"));
      if (device.has("type")) {
        args.addAll(List.of("-d", device.path("type").asText()));
      }
      args.add(name);
      json(args).filter(d -> d.has("smart_status") || d.has("model_name")).ifPresent(d -> out.add(disk(name, d)));
    }
    return out;
  }

  static SmartDisk disk(String device, JsonNode d) {
    JsonNode nvme = d.path("nvme_smart_health_information_log");
    Long reallocated = null;
    Long pending = null;
    for (JsonNode attr : d.at("/ata_smart_attributes/table")) {
      int id = attr.path("id").asInt();
      if (id == 5) {
        reallocated = attr.at("/raw/value").asLong();
      } else if (id == 197) {
        pending = attr.at("/raw/value").asLong();
      }
    }
    Integer wearout = nvme.has("percentage_used") ? Integer.valueOf(nvme.path("percentage_used").asInt()) : null;
    return new SmartDisk(device, text(d.path("model_name")), text(d.path("serial_number")),
        d.at("/smart_status/passed").isBoolean() ? d.at("/smart_status/passed").asBoolean() : null,
        d.at("/temperature/current").isNumber() ? d.at("/temperature/current").asDouble() : null,
        d.at("/power_on_time/hours").isNumber() ? d.at("/power_on_time/hours").asLong() : null, wearout, reallocated, pending,
        nvme.has("media_errors") ? nvme.path("media_errors").asLong() : null);
  }

  private Optional<JsonNode> json(List<String> args) {
    return run.apply(args).flatMap(text -> {
      try {
        return Optional.of(JSON.readTree(text));
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }

  private static String text(JsonNode n) {
    return n.isTextual() ? n.asText() : null;
  }

  private static Optional<String> exec(Path smartctl, List<String> args, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(smartctl.toString());
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (InputStream out = p.getInputStream()) {
        byte[] bytes = out.readNBytes(1 << 20);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.destroyForcibly();
          return Optional.empty();
        }
        return Optional.of(new String(bytes, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
