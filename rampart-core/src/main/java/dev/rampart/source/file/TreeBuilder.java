package dev.rampart.source.file;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a tree from the parser's tokens, resolving YAML anchors, aliases and {@code <<} merge keys
 * as kubectl does (Jackson's own tree reader reports an alias as the plain string of its name).
 *
 * <p>An alias shares the anchored node instead of copying it, so the tree itself stays small; but
 * decoding it into model objects expands every alias. Each object may therefore hold a bounded
 * number of values, counting every alias as the values it expands to: a "billion laughs" document
 * is refused after a few dozen aliases, before anything expands it.
 */
final class TreeBuilder {

  private static final String MERGE_KEY = "<<";

  /** Lets the reader of a top-level list take its items one at a time. */
  interface FieldReader {
    /**
     * @param before the fields of the mapping read so far
     * @return whether it consumed the value of the field, which is then left out of the mapping
     */
    boolean read(String field, JsonParser p, ObjectNode before) throws IOException;
  }

  /** The document breaks a rule of YAML or a limit; the message is ready for the user. */
  static final class Refused extends JsonParseException {
    Refused(JsonParser p, String message) {
      super(p, message);
    }
  }

  private record Anchor(JsonNode node, long values) {}

  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final Map<String, Anchor> anchors = new HashMap<>();

  /** Where the fields and elements of the current object were written. */
  private NodeLines childLines = new NodeLines();

  private final long maxValues;

  /** Every value read so far, aliases counted expanded; never reset, so anchors can be sized. */
  private long values;

  private long objectStart;

  /** One builder per YAML document: anchors do not cross document boundaries. */
  TreeBuilder(long maxValues) {
    this.maxValues = maxValues;
  }

  /** Starts counting the values of a new object, and forgets where the last one's were. */
  void startObject() {
    objectStart = values;
    childLines = new NodeLines();
  }

  /** Where the fields and elements of the object read since {@link #startObject()} are. */
  NodeLines lines() {
    return childLines;
  }

  /** Reads the value at the parser's current token. */
  JsonNode read(JsonParser p) throws IOException {
    if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      return alias(p);
    }
    String anchor = p instanceof YAMLParser yaml ? yaml.getCurrentAnchor() : null;
    long before = values;
    count(p, 1, false);
    JsonNode node =
        switch (p.currentToken()) {
          case START_OBJECT -> object(p, null);
          case START_ARRAY -> array(p);
          case VALUE_NUMBER_INT -> integer(p);
          case VALUE_NUMBER_FLOAT -> decimal(p);
          case VALUE_TRUE -> nodes.booleanNode(true);
          case VALUE_FALSE -> nodes.booleanNode(false);
          case VALUE_NULL -> nodes.nullNode();
          // Strings, and scalars Jackson reads as objects (!!binary): their text.
          default -> nodes.textNode(p.getText());
        };
    if (anchor != null) {
      anchors.put(anchor, new Anchor(node, values - before));
    }
    return node;
  }

  /**
   * Reads the mapping at the parser's current token, offering each field to {@code fields} first.
   */
  ObjectNode readObject(JsonParser p, FieldReader fields) throws IOException {
    count(p, 1, false);
    return object(p, fields);
  }

  private void count(JsonParser p, long n, boolean alias) throws Refused {
    values += n;
    if (values - objectStart <= maxValues) {
      return;
    }
    throw new Refused(
        p,
        alias
            ? "YAML aliases expand to more than "
                + maxValues
                + " values (a \"billion laughs\" alias bomb?)"
            : "object has more than " + maxValues + " values");
  }

  private JsonNode alias(JsonParser p) throws IOException {
    String name = p.getText();
    Anchor target = anchors.get(name);
    if (target == null) {
      throw new Refused(
          p, "unknown alias *" + name + " (an anchor is only valid in its own document)");
    }
    count(p, target.values(), true);
    return target.node();
  }

  /**
   * The narrowest node that holds the integer: fabric8's deserializers (IntOrString, Quantity)
   * accept an int node where they reject a BigInteger one.
   */
  private JsonNode integer(JsonParser p) throws IOException {
    return switch (p.getNumberType()) {
      case INT -> nodes.numberNode(p.getIntValue());
      case LONG -> nodes.numberNode(p.getLongValue());
      default -> nodes.numberNode(p.getBigIntegerValue());
    };
  }

  /**
   * A float as kubectl reads it: a 64-bit double (a big decimal would cost time and memory when an
   * exponent such as 1e999999999 is later turned into an integer).
   */
  private JsonNode decimal(JsonParser p) throws IOException {
    try {
      return nodes.numberNode(p.getDoubleValue());
    } catch (IOException | NumberFormatException e) {
      // YAML's .inf and .nan, which Jackson recognizes as floats but cannot convert.
      return nodes.textNode(p.getText());
    }
  }

  private ObjectNode object(JsonParser p, FieldReader fields) throws IOException {
    ObjectNode object = nodes.objectNode();
    ObjectNode merged = null;
    int[] lines = new int[4];
    String name;
    while ((name = p.nextFieldName()) != null) {
      int line = p.currentTokenLocation().getLineNr();
      p.nextToken();
      if (fields != null && fields.read(name, p, object)) {
        continue;
      }
      JsonNode value = read(p);
      if (MERGE_KEY.equals(name)) {
        merged = merge(p, merged, value);
      } else {
        lines = NodeLines.remember(lines, object.size(), line);
        object.set(name, value);
      }
    }
    childLines.put(object, lines);
    if (merged != null) {
      // Keys written in the mapping itself win over merged ones.
      addMissing(object, merged);
    }
    return object;
  }

  private ObjectNode merge(JsonParser p, ObjectNode merged, JsonNode value) throws IOException {
    ObjectNode result = merged == null ? nodes.objectNode() : merged;
    if (value.isObject()) {
      addMissing(result, (ObjectNode) value);
      return result;
    }
    if (value.isArray()) {
      // In a list of merged mappings, the first one that has a key wins.
      for (JsonNode element : value) {
        if (!element.isObject()) {
          throw new Refused(p, "a << merge key takes mappings only");
        }
        addMissing(result, (ObjectNode) element);
      }
      return result;
    }
    throw new Refused(p, "a << merge key takes mappings only");
  }

  private static void addMissing(ObjectNode into, ObjectNode from) {
    from.properties()
        .forEach(
            field -> {
              if (!into.has(field.getKey())) {
                into.set(field.getKey(), field.getValue());
              }
            });
  }

  private ArrayNode array(JsonParser p) throws IOException {
    ArrayNode array = nodes.arrayNode();
    int[] lines = new int[4];
    while (p.nextToken() != JsonToken.END_ARRAY) {
      lines = NodeLines.remember(lines, array.size(), p.currentTokenLocation().getLineNr());
      array.add(read(p));
    }
    childLines.put(array, lines);
    return array;
  }
}
