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
import java.util.Iterator;
import java.util.Map;

/**
 * Builds a tree from the parser's tokens, resolving YAML anchors, aliases and {@code <<} merge keys
 * as kubectl does. Jackson's own tree reader reports an alias as the plain string of its name.
 *
 * <p>An alias shares the anchored node instead of copying it, and each document may use only a
 * bounded number of aliases to collections: a "billion laughs" document stays small in memory and
 * is refused before anything expands it.
 */
final class TreeBuilder {

  private static final String MERGE_KEY = "<<";

  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final Map<String, JsonNode> anchors = new HashMap<>();
  private final int maxAliases;
  private int aliases;

  /** One builder per YAML document: anchors do not cross document boundaries. */
  TreeBuilder(int maxAliases) {
    this.maxAliases = maxAliases;
  }

  /** Reads the value at the parser's current token. */
  JsonNode read(JsonParser p) throws IOException {
    YAMLParser yaml = p instanceof YAMLParser y ? y : null;
    if (yaml != null && yaml.isCurrentAlias()) {
      return alias(p);
    }
    String anchor = yaml == null ? null : yaml.getCurrentAnchor();
    JsonNode node =
        switch (p.currentToken()) {
          case START_OBJECT -> object(p);
          case START_ARRAY -> array(p);
          case VALUE_STRING -> nodes.textNode(p.getText());
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(p);
          case VALUE_TRUE -> nodes.booleanNode(true);
          case VALUE_FALSE -> nodes.booleanNode(false);
          case VALUE_NULL -> nodes.nullNode();
          default -> throw new JsonParseException(p, "unexpected " + p.currentToken());
        };
    if (anchor != null) {
      anchors.put(anchor, node);
    }
    return node;
  }

  /**
   * The narrowest node that holds the number: fabric8's deserializers (IntOrString, Quantity)
   * accept an int node where they reject a BigInteger one.
   */
  private JsonNode number(JsonParser p) throws IOException {
    return switch (p.getNumberType()) {
      case INT -> nodes.numberNode(p.getIntValue());
      case LONG -> nodes.numberNode(p.getLongValue());
      case BIG_INTEGER -> nodes.numberNode(p.getBigIntegerValue());
      case FLOAT, DOUBLE -> nodes.numberNode(p.getDoubleValue());
      case BIG_DECIMAL -> nodes.numberNode(p.getDecimalValue());
    };
  }

  private JsonNode alias(JsonParser p) throws IOException {
    String name = p.getText();
    JsonNode target = anchors.get(name);
    if (target == null) {
      throw new JsonParseException(p, "unknown alias *" + name);
    }
    if (target.isContainerNode() && ++aliases > maxAliases) {
      throw new JsonParseException(
          p, "Number of aliases for non-scalar nodes exceeds the specified max=" + maxAliases);
    }
    return target;
  }

  private ObjectNode object(JsonParser p) throws IOException {
    ObjectNode object = nodes.objectNode();
    ObjectNode merged = null;
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      JsonNode value = read(p);
      if (MERGE_KEY.equals(name)) {
        merged = merge(p, merged, value);
      } else {
        object.set(name, value);
      }
    }
    if (merged != null) {
      // Keys written in the mapping itself win over merged ones.
      Iterator<Map.Entry<String, JsonNode>> fields = merged.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!object.has(field.getKey())) {
          object.set(field.getKey(), field.getValue());
        }
      }
    }
    return object;
  }

  private ObjectNode merge(JsonParser p, ObjectNode merged, JsonNode value) throws IOException {
    ObjectNode result = merged == null ? nodes.objectNode() : merged;
    if (value.isObject()) {
      mergeMissing(result, (ObjectNode) value);
    } else if (value.isArray()) {
      for (JsonNode element : value) {
        if (!element.isObject()) {
          throw new JsonParseException(p, "a << merge key takes mappings only");
        }
        mergeMissing(result, (ObjectNode) element);
      }
    } else {
      throw new JsonParseException(p, "a << merge key takes mappings only");
    }
    return result;
  }

  /** In a list of merged mappings, the first one that has a key wins. */
  private static void mergeMissing(ObjectNode into, ObjectNode from) {
    from.fields()
        .forEachRemaining(
            f -> {
              if (!into.has(f.getKey())) {
                into.set(f.getKey(), f.getValue());
              }
            });
  }

  private ArrayNode array(JsonParser p) throws IOException {
    ArrayNode array = nodes.arrayNode();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      array.add(read(p));
    }
    return array;
  }
}
