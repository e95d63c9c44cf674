package dev.pulse.adapters.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Proxmox JSON fields the way the API sends them: numbers that may arrive as numeric
 * strings, booleans as 0/1, true/false or absent. Missing or unparseable values read as
 * {@code null}, never as 0. Internal: not API.
 */
public final class PveJson {

  private PveJson() {}

  public static Double number(JsonNode parent, String field) {
    return parse(parent.get(field));
  }

  /** The element at {@code index} of an array, read like {@link #number(JsonNode, String)}. */
  public static Double number(JsonNode array, int index) {
    return parse(array.get(index));
  }

  private static Double parse(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isTextual()) {
      try {
        double d = Double.parseDouble(n.asText().strip());
        return Double.isFinite(d) ? d : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  public static Long whole(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n != null && n.isIntegralNumber()) {
      return n.longValue(); // the common case, without a detour through Double
    }
    Double d = parse(n);
    return d == null ? null : Math.round(d);
  }

  public static Integer integer(JsonNode parent, String field) {
    Long l = whole(parent, field);
    return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
  }

  /** 1, "1", true → true; 0, "0", false, absent → false. */
  public static boolean flag(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return false;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    Double d = number(parent, field);
    return d != null && d != 0;
  }

  public static String text(JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull() || n.isContainerNode()) {
      return null;
    }
    String s = n.asText().strip();
    return s.isEmpty() ? null : s;
  }

  /** PVE tags are {@code ;}-separated; commas and spaces are tolerated too. */
  public static List<String> tags(JsonNode parent) {
    String raw = text(parent, "tags");
    if (raw == null) {
      return List.of();
    }
    List<String> tags = new ArrayList<>(4);
    int start = -1;
    for (int i = 0; i <= raw.length(); i++) { // split on ; , and white space, by hand: this runs for every guest
      boolean separator = i == raw.length() || raw.charAt(i) == ';' || raw.charAt(i) == ',' || Character.isWhitespace(raw.charAt(i));
      if (separator && start >= 0) {
        String tag = raw.substring(start, i);
        if (!tags.contains(tag)) {
          tags.add(tag);
        }
        start = -1;
      } else if (!separator && start < 0) {
        start = i;
      }
    }
    return List.copyOf(tags);
  }
}
