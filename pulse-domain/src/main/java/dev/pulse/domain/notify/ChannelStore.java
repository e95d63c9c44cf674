package dev.pulse.domain.notify;

import java.util.ArrayList;
import java.util.List;

/** Where the channels are kept, secrets included (encrypted at rest by the app's store). */
public interface ChannelStore {

  List<Channel> load();

  void save(List<Channel> channels);

  static ChannelStore inMemory() {
    return new ChannelStore() {
      private List<Channel> channels = new ArrayList<>();

      @Override
      public synchronized List<Channel> load() {
        return List.copyOf(channels);
      }

      @Override
      public synchronized void save(List<Channel> list) {
        channels = new ArrayList<>(list);
      }
    };
  }
}
