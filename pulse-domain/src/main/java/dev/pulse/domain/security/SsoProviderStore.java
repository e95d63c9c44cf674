package dev.pulse.domain.security;

import java.util.List;

/** Keeps the single sign-on providers, client secrets included: encrypt them. */
public interface SsoProviderStore {

  List<SsoProvider> load();

  void save(List<SsoProvider> providers);

  static SsoProviderStore inMemory() {
    return new SsoProviderStore() {
      private volatile List<SsoProvider> providers = List.of();

      @Override
      public List<SsoProvider> load() {
        return providers;
      }

      @Override
      public void save(List<SsoProvider> next) {
        providers = List.copyOf(next);
      }
    };
  }
}
