package dev.rampart.source.file;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * For each mapping and sequence of one object's tree, the parser line of each field (in the order
 * written) or element, so that a problem the decoder finds later can point at its line. Filled by
 * whichever reader built the tree ({@link TreeBuilder}, {@link BlockYaml}).
 */
final class NodeLines {

  private final Map<JsonNode, int[]> lines = new IdentityHashMap<>();

  /**
   * Records the lines of a container's children, as built by {@link #remember}: position i holds
   * the line of the i-th field or element.
   */
  void put(JsonNode container, int[] childLines) {
    lines.put(container, childLines);
  }

  /** The lines recorded for a container's children, or null. */
  int[] of(JsonNode container) {
    return lines.get(container);
  }

  /** {@code lines} with {@code line} at {@code position}, grown if needed. */
  static int[] remember(int[] lines, int position, int line) {
    int[] room = position < lines.length ? lines : Arrays.copyOf(lines, 2 * lines.length);
    room[position] = line;
    return room;
  }

  /**
   * The parser line where the value at {@code at} in {@code root} was written, or of the nearest
   * enclosing value that is known; 0 if none is.
   */
  int line(JsonNode root, JsonPointer at) {
    int line = 0;
    JsonNode node = root;
    for (JsonPointer rest = at; node != null && !rest.matches(); rest = rest.tail()) {
      int position =
          node.isArray() ? rest.getMatchingIndex() : position(node, rest.getMatchingProperty());
      int[] known = lines.get(node);
      if (known != null && position >= 0 && position < known.length && known[position] > 0) {
        line = known[position];
      }
      node = node.isArray() ? node.get(position) : node.get(rest.getMatchingProperty());
    }
    return line;
  }

  private static int position(JsonNode object, String field) {
    int position = 0;
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); position++) {
      if (names.next().equals(field)) {
        return position;
      }
    }
    return -1;
  }
}
