package dev.pulse.app.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.domain.identity.IdentityLinkStore;
import dev.pulse.domain.identity.IdentityLinks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps the operator's identity links and splits in {@code identity-links.json} in the data dir.
 * Nothing secret is in it, so it is plain JSON an operator may read. Internal: not API.
 */
public final class JsonFileIdentityLinkStore implements IdentityLinkStore {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  public JsonFileIdentityLinkStore(Path file) {
    this.file = file;
  }

  /** The file's form: links as {agent id → machine id}, splits as [[a, b], …]. */
  record Stored(Map<String, String> links, List<List<String>> splits) {}

  @Override
  public synchronized IdentityLinks load() {
    if (!Files.exists(file)) {
      return IdentityLinks.NONE;
    }
    try {
      Stored stored = JSON.readValue(file.toFile(), Stored.class);
      return new IdentityLinks(stored.links() == null ? Map.of() : stored.links(),
          stored.splits() == null ? java.util.Set.of() : stored.splits().stream()
              .filter(p -> p != null && p.size() == 2 && p.get(0) != null && p.get(1) != null)
              .map(p -> IdentityLinks.Pair.of(p.get(0), p.get(1))).collect(Collectors.toSet()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void save(IdentityLinks links) {
    Stored stored = new Stored(links.links(),
        links.splits().stream().map(p -> List.of(p.first(), p.second())).sorted((a, b) -> a.toString().compareTo(b.toString())).toList());
    try {
      DataFiles.writeOwnerOnly(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
