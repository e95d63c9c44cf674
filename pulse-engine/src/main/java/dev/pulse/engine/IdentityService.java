package dev.pulse.engine;

import dev.pulse.domain.InvalidFieldException;
import dev.pulse.domain.identity.IdentityLinkStore;
import dev.pulse.domain.identity.IdentityLinks;
import dev.pulse.domain.resource.Resource;
import dev.pulse.domain.resource.ResourceType;
import dev.pulse.domain.resource.SourceRef;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operator's say over identity matching: link an agent's host to the machine it is, or split a
 * merge the evidence got wrong. Overrides persist in the {@link IdentityLinkStore} and win over the
 * matcher from then on.
 */
public final class IdentityService {

  private final ResourceRegistry registry;
  private final IdentityLinkStore store;
  private final Object lock = new Object();

  IdentityService(ResourceRegistry registry, IdentityLinkStore store) {
    this.registry = registry;
    this.store = store;
  }

  /** Applies the stored overrides; called once as the engine starts. */
  void restore() {
    registry.setIdentityLinks(store.load());
  }

  /**
   * Shows the agent host {@code id} as part of {@code targetId} (either may be given first).
   *
   * @throws NoSuchElementException when either resource is unknown
   * @throws InvalidFieldException when the two cannot be one machine
   */
  public Resource link(String id, String targetId) {
    synchronized (lock) {
      Resource a = view(id);
      Resource b = view(targetId);
      if (a.id().equals(b.id())) {
        throw new InvalidFieldException("targetId", "a resource cannot be linked to itself");
      }
      boolean aIsAgent = isAgentHost(a);
      Resource agent = aIsAgent ? a : b;
      Resource machine = aIsAgent ? b : a;
      if (!isAgentHost(agent)) {
        throw new InvalidFieldException("targetId", "one of the two must be a host reported by a Pulse agent");
      }
      if (isAgentHost(machine) || !(machine.type() == ResourceType.AGENT || machine.type() == ResourceType.VM
          || machine.type() == ResourceType.SYSTEM_CONTAINER)) {
        throw new InvalidFieldException("targetId", "the agent can be linked only to a node, VM or LXC container polled from an API");
      }
      save(registry.identityLinks().withLink(agent.id(), machine.id()));
      return registry.get(machine.id()).orElseThrow();
    }
  }

  /**
   * Splits a merged resource apart and keeps the parts apart. {@code id} is either the merged
   * resource, which loses every agent merged into it, or one agent's own id.
   *
   * @return the resources the parts are shown as now
   * @throws NoSuchElementException when the resource is unknown
   * @throws InvalidFieldException when nothing is merged into it
   */
  public List<Resource> unlink(String id) {
    synchronized (lock) {
      Resource shown = registry.get(id).orElseThrow(() -> new NoSuchElementException("no resource with id " + id));
      List<SourceRef> parts = shown.sources();
      String primaryView = parts.get(0).sourceId() + ":" + parts.get(0).sourceKey();
      List<String> agents = parts.stream().skip(1).map(s -> s.sourceId() + ":" + s.sourceKey())
          .filter(v -> v.equals(id) || id.equals(shown.id())).toList();
      if (agents.isEmpty()) {
        throw new InvalidFieldException("id", "nothing is linked to " + id);
      }
      IdentityLinks next = registry.identityLinks();
      for (String agent : agents) {
        next = next.withSplit(agent, primaryView);
      }
      save(next);
      return Stream.concat(Stream.of(primaryView), agents.stream())
          .map(v -> registry.get(v).orElseThrow()).distinct().toList();
    }
  }

  private void save(IdentityLinks next) {
    store.save(next);
    registry.setIdentityLinks(next);
  }

  private Resource view(String id) {
    Optional<Resource> own = registry.view(id);
    return own.orElseThrow(() -> new NoSuchElementException("no resource with id " + id));
  }

  private static boolean isAgentHost(Resource r) {
    return r.type() == ResourceType.AGENT && r.facets().agent() != null;
  }
}
