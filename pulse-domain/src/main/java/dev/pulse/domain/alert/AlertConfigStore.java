package dev.pulse.domain.alert;

/** Where the operator's alert tuning is kept. */
public interface AlertConfigStore {

  AlertConfig load();

  void save(AlertConfig config);

  static AlertConfigStore inMemory() {
    return new AlertConfigStore() {
      private volatile AlertConfig config = AlertConfig.DEFAULT;

      @Override
      public AlertConfig load() {
        return config;
      }

      @Override
      public void save(AlertConfig c) {
        config = c;
      }
    };
  }
}
