package dev.pulse.domain.resource;

import java.util.List;

/**
 * Facts about a storage.
 *
 * @param pluginType the backend, for example {@code zfspool}, {@code nfs}, {@code rbd}
 * @param shared whether all the nodes listed see the same storage
 * @param content what it holds, for example {@code images}, {@code backup}
 * @param nodes the nodes that report it
 */
public record StorageFacet(String pluginType, boolean shared, List<String> content, List<String> nodes) {

  public StorageFacet {
    content = List.copyOf(content);
    nodes = List.copyOf(nodes);
  }
}
