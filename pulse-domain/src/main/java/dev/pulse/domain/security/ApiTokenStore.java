package dev.pulse.domain.security;

import java.util.List;

/** Keeps API tokens (their hashes) across restarts. */
public interface ApiTokenStore {

  List<ApiToken> load();

  void save(List<ApiToken> tokens);

  /** A store in memory only, for embedding, demo mode and tests. */
  static ApiTokenStore inMemory() {
    return new ApiTokenStore() {
      private volatile List<ApiToken> tokens = List.of();

      @Override
      public List<ApiToken> load() {
        return tokens;
      }

      @Override
      public void save(List<ApiToken> next) {
        tokens = List.copyOf(next);
      }
    };
  }
}
