package dev.rampart.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.CharArrayReader;
import java.util.Arrays;
import java.util.Iterator;

/** Reads one YAML document with {@link BlockYaml} and with TreeBuilder over SnakeYAML. */
final class BothReaders {

  private static final Parsers PARSERS = Parsers.of(ParseLimits.DEFAULT);

  /** What a reader made of a document: a tree and its lines, nothing, or a failure. */
  record Read(JsonNode root, int line, NodeLines lines, String failure) {}

  private BothReaders() {}

  static Read fast(String yaml) {
    char[] text = yaml.toCharArray();
    NodeLines lines = new NodeLines();
    BlockYaml.Document d =
        BlockYaml.read(text, text.length, ParseLimits.DEFAULT.maxValues(), lines);
    if (d == null) {
      return null;
    }
    return new Read(d.root(), d.line(), lines, null);
  }

  static Read snake(String yaml) {
    char[] text = yaml.toCharArray();
    try (JsonParser p = PARSERS.yaml().createParser(new CharArrayReader(text))) {
      if (p.nextToken() == null) {
        return new Read(null, 0, null, null);
      }
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return new Read(null, 0, null, "not a mapping");
      }
      int line = p.currentTokenLocation().getLineNr();
      TreeBuilder trees = new TreeBuilder(ParseLimits.DEFAULT.maxValues());
      JsonNode root = trees.readObject(p, null);
      if (p.nextToken() != null) {
        return new Read(null, 0, null, "more than one root");
      }
      return new Read(root, line, trees.lines(), null);
    } catch (Exception e) {
      return new Read(null, 0, null, e.toString());
    }
  }

  /**
   * Asserts that the fast reader gives what SnakeYAML gives, or gives up.
   *
   * @return whether the fast reader read it
   */
  static boolean agree(String yaml) {
    Read fast = fast(yaml);
    if (fast == null) {
      return false;
    }
    Read snake = snake(yaml);
    assertThat(snake.failure()).as("SnakeYAML fails where BlockYaml reads:\n%s", yaml).isNull();
    assertThat(fast.root()).as("tree of\n%s", yaml).isEqualTo(snake.root());
    if (fast.root() != null) {
      assertThat(fast.line()).as("root line of\n%s", yaml).isEqualTo(snake.line());
      sameLines(fast.root(), fast.lines(), snake.root(), snake.lines(), yaml);
    }
    return true;
  }

  private static void sameLines(
      JsonNode fast, NodeLines fastLines, JsonNode snake, NodeLines snakeLines, String yaml) {
    if (!fast.isContainerNode()) {
      return;
    }
    int[] a = fastLines.of(fast);
    int[] b = snakeLines.of(snake);
    assertThat(a).as("lines recorded for %s in\n%s", fast, yaml).isNotNull();
    assertThat(b).isNotNull();
    int n = fast.size();
    assertThat(Arrays.copyOf(a, Math.max(n, 0)))
        .as("lines of %s in\n%s", fast, yaml)
        .isEqualTo(Arrays.copyOf(b, n));
    Iterator<JsonNode> x = fast.elements();
    Iterator<JsonNode> y = snake.elements();
    while (x.hasNext()) {
      sameLines(x.next(), fastLines, y.next(), snakeLines, yaml);
    }
  }
}
