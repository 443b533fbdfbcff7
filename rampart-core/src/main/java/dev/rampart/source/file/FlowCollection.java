package dev.rampart.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Reads a flow sequence or mapping for {@link BlockYaml}: on one line, of scalars and flow
 * collections ({@code ["sh", "-c"]}, {@code {app: web}}), as SnakeYAML reads it; over several
 * lines, or with empty or trailing entries, complex keys or anything else, it gives up.
 */
final class FlowCollection {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final BlockYaml in;
  private final char[] s;
  private final int end;

  private FlowCollection(BlockYaml in) {
    this.in = in;
    this.s = in.text();
    this.end = in.end();
  }

  /**
   * A flow sequence or mapping on one line, of scalars and flow collections ({@code ["sh", "-c"]},
   * {@code {app: web}}); over several lines, or with empty or trailing entries, it is left to
   * SnakeYAML.
   */
  static JsonNode read(BlockYaml in) {
    return new FlowCollection(in).flow();
  }

  private JsonNode flow() {
    in.count();
    in.enter();
    boolean sequence = s[in.pos()] == '[';
    char close = sequence ? ']' : '}';
    JsonNode container = sequence ? NODES.arrayNode() : NODES.objectNode();
    int[] at = new int[4];
    in.pos(in.pos() + 1);
    flowSpaces();
    if (s[in.pos()] == close) {
      in.pos(in.pos() + 1);
    } else {
      while (true) {
        at = NodeLines.remember(at, container.size(), in.line());
        if (sequence) {
          ((ArrayNode) container).add(flowNode());
        } else {
          String key = flowKey();
          if (key.equals("<<") || ((ObjectNode) container).replace(key, flowNode()) != null) {
            throw BlockYaml.giveUp();
          }
        }
        flowSpaces();
        char c = s[in.pos()];
        in.pos(in.pos() + 1);
        if (c == close) {
          break;
        }
        if (c != ',') {
          throw BlockYaml.giveUp();
        }
        flowSpaces();
      }
    }
    in.lines().put(container, at);
    in.leave();
    return container;
  }

  private JsonNode flowNode() {
    char c = s[in.pos()];
    if (c == '[' || c == '{') {
      return flow();
    }
    in.count();
    if (c == '"') {
      return TextNode.valueOf(in.doubleQuoted());
    }
    if (c == '\'') {
      return TextNode.valueOf(in.singleQuoted());
    }
    int from = in.pos();
    int last = flowPlainEnd();
    JsonNode node = PlainScalars.node(ShortStrings.of(s, from, last));
    if (node == null) {
      throw BlockYaml.giveUp();
    }
    return node;
  }

  /** A key of a flow mapping and its colon, which a space must follow. */
  private String flowKey() {
    char c = s[in.pos()];
    String key;
    if (c == '"') {
      key = in.doubleQuoted();
    } else if (c == '\'') {
      key = in.singleQuoted();
    } else {
      int from = in.pos();
      key = ShortStrings.of(s, from, flowPlainEnd());
    }
    flowSpaces();
    int pos = in.pos();
    if (s[pos] != ':' || pos + 1 >= end || s[pos + 1] != ' ') {
      throw BlockYaml.giveUp();
    }
    in.pos(pos + 1);
    flowSpaces();
    return key;
  }

  /**
   * Moves past a plain scalar in a flow collection and returns where its text ends (trailing spaces
   * left out): at a comma, a closing bracket, or a colon that a space or an indicator follows.
   */
  private int flowPlainEnd() {
    int pos = in.pos();
    if (!in.plainStart(s[pos])) {
      throw BlockYaml.giveUp();
    }
    int last = pos + 1;
    int i = pos + 1;
    for (; i < end; i++) {
      char c = s[i];
      if (c == ',' || c == ']' || c == '}') {
        break;
      }
      if (c == ':' && (i + 1 >= end || " \n,[]{}".indexOf(s[i + 1]) >= 0)) {
        break;
      }
      if (c == '\n'
          || c == '\t'
          || c == '['
          || c == '{'
          || c == '?'
          || (c == '#' && s[i - 1] == ' ')) {
        throw BlockYaml.giveUp();
      }
      if (c != ' ') {
        last = i + 1;
      }
    }
    if (i >= end) {
      throw BlockYaml.giveUp();
    }
    in.pos(i);
    return last;
  }

  /** Spaces inside a flow collection, which must end on this line. */
  private void flowSpaces() {
    int pos = in.pos();
    while (pos < end && s[pos] == ' ') {
      pos++;
    }
    in.pos(pos);
    if (pos >= end || s[pos] == '\n' || s[pos] == '\t' || s[pos] == '#') {
      throw BlockYaml.giveUp();
    }
  }
}
