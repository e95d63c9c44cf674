package dev.pulse.domain.identity;

/** Keeps the operator's identity overrides across restarts. */
public interface IdentityLinkStore {

  IdentityLinks load();

  void save(IdentityLinks links);

  /** A store that keeps the overrides in memory only, for embedding and tests. */
  static IdentityLinkStore inMemory() {
    return new IdentityLinkStore() {
      private volatile IdentityLinks links = IdentityLinks.NONE;

      @Override
      public IdentityLinks load() {
        return links;
      }

      @Override
      public void save(IdentityLinks next) {
        links = next;
      }
    };
  }
}
