package dev.pulse.domain.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where alerts survive restarts: the alerts in progress (with their acknowledgements), the alerts
 * cleared by hand, and the history. A restart then neither forgets an active alert nor fires again
 * one that was already told.
 */
public interface AlertStore {

  /** The alerts as they were last saved. */
  AlertBook load();

  /** Saves the book (alerts and cleared ids) and appends the history entries, in one step. */
  void save(AlertBook book, List<AlertHistoryEntry> entries);

  /** History from {@code from} on, newest first, at most {@code limit} entries. */
  List<AlertHistoryEntry> history(Instant from, int limit);

  /** A store that forgets everything when the process ends: for tests and embedding. */
  static AlertStore inMemory() {
    return new AlertStore() {
      private AlertBook book = AlertBook.EMPTY;
      private final List<AlertHistoryEntry> history = new ArrayList<>();

      @Override
      public synchronized AlertBook load() {
        return book;
      }

      @Override
      public synchronized void save(AlertBook b, List<AlertHistoryEntry> entries) {
        book = b;
        history.addAll(entries);
      }

      @Override
      public synchronized List<AlertHistoryEntry> history(Instant from, int limit) {
        List<AlertHistoryEntry> out = new ArrayList<>();
        for (int i = history.size() - 1; i >= 0 && out.size() < limit; i--) { // kept in order: newest last
          if (!history.get(i).at().isBefore(from)) {
            out.add(history.get(i));
          }
        }
        return out;
      }
    };
  }
}
