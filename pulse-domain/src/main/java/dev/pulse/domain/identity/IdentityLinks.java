package dev.pulse.domain.identity;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An operator's overrides of identity matching, which survive restarts. Immutable.
 *
 * @param links resource id → the id of the resource it is to be shown as part of
 * @param splits pairs that must never be merged, whatever the evidence says
 */
public record IdentityLinks(Map<String, String> links, Set<Pair> splits) {

  public static final IdentityLinks NONE = new IdentityLinks(Map.of(), Set.of());

  public IdentityLinks {
    links = Map.copyOf(links);
    splits = Set.copyOf(splits);
  }

  /** Two resource ids, unordered: {@code Pair.of(a, b)} equals {@code Pair.of(b, a)}. */
  public record Pair(String first, String second) {
    public Pair {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(second, "second");
    }

    public static Pair of(String a, String b) {
      return a.compareTo(b) <= 0 ? new Pair(a, b) : new Pair(b, a);
    }
  }

  public boolean isSplit(String a, String b) {
    return splits.contains(Pair.of(a, b));
  }

  /** These rules with {@code id} shown as part of {@code targetId}, and any split between them lifted. */
  public IdentityLinks withLink(String id, String targetId) {
    Map<String, String> nextLinks = new LinkedHashMap<>(links);
    nextLinks.put(id, targetId);
    Set<Pair> nextSplits = new LinkedHashSet<>(splits);
    nextSplits.remove(Pair.of(id, targetId));
    return new IdentityLinks(nextLinks, nextSplits);
  }

  /** These rules with {@code a} and {@code b} kept apart, and any link between them dropped. */
  public IdentityLinks withSplit(String a, String b) {
    Map<String, String> nextLinks = new LinkedHashMap<>(links);
    nextLinks.remove(a, b);
    nextLinks.remove(b, a);
    Set<Pair> nextSplits = new LinkedHashSet<>(splits);
    nextSplits.add(Pair.of(a, b));
    return new IdentityLinks(nextLinks, nextSplits);
  }
}
