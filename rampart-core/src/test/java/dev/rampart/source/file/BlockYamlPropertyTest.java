package dev.rampart.source.file;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random block YAML documents, with the values and characters that trip YAML readers up: BlockYaml
 * reads each as SnakeYAML does (tree, lines), or gives up.
 */
class BlockYamlPropertyTest {

  /** Values the reader should read come first; after them, those it should give up on. */
  private static final String[] PLAIN = {
    "yes",
    "no",
    "on",
    "Off",
    "y",
    "null",
    "~",
    "true",
    "False",
    "-3",
    "0",
    "-0",
    "2147483648",
    "10.0.0.1",
    "2024-01-02",
    "2024-01-02T03:04:05Z",
    "a b",
    "a#b",
    "a #b",
    "a:b",
    "é",
    "日本語",
    "--flag",
    "-x",
    "=",
    "<<",
    "128Mi",
    "100m",
    "nginx:1.25",
    "http://x/y",
    "a  b",
    "1.2.3",
    "1.5",
    "0.05",
    "-2.50",
    "10.0",
    "00.10",
    // rarer
    "0x1F",
    "1e3",
    "012",
    "1:20",
    "+1.5",
    "1.",
    "+3",
    "1_000",
    ".inf",
    ".NaN",
    "12345678901234567890",
    "a: b",
    "@x",
    "`x",
    "%x",
    "!x",
    "&x",
    "*x",
    "[a]",
    "{a}",
    "a,b",
    "?x",
    ":x",
    "x:",
    "-",
    "'",
    "\"",
    "|",
    ">"
  };

  private static final int PLAIN_READ = 37;

  private static final String[] QUOTED = {
    "'x'",
    "''",
    "'it''s'",
    "'a # b'",
    "\"x\"",
    "\"\"",
    "\"a\\tb\"",
    "\"\\x41\\u00e9\\U0001F600\"",
    "\"\\\"\"",
    "\"a\\\\\"",
    "\"\\N\\_\\L\\P\\0\\e\"",
    "'tab\there'",
    "\"tab\there\"",
    // rarer
    "\"\\q\"",
    "\"\\/\"",
    "\"\\uD800\"",
    "'unterminated",
    "\"a\" b",
    "\"\\x4\""
  };

  private static final int QUOTED_READ = 13;

  private static final String[] KEYS = {
    "a",
    "b",
    "name",
    "key with space",
    "a:b",
    "\"quoted\"",
    "'q'",
    "yes",
    "1",
    "null",
    "kind",
    "\"a\\tb\"",
    "é",
    "x ",
    "~",
    "items",
    // rarer
    "<<",
    "-k",
    "?k",
    "k#x",
    "k #x"
  };

  private static final int KEYS_READ = 16;

  private static final String[] BLOCK = {"|", ">", "|-", ">-", "|+", ">+", "|2", "|-1"};

  private static final int BLOCK_READ = 6;

  private static final String[] FLOW = {
    "",
    " {}",
    " []",
    " ",
    " [a, b]",
    " {a: 1}",
    " [\"sh\", \"-c\"]",
    " [ 1 , yes, 'x', ~ ]",
    " {a: b, c: [d, {e: f}]}",
    " [a:b, -1, 0x1F]",
    " {'k': \"v\", n: null}",
    " [a b, c#d]",
    " [http://x:80/y]",
    " [\"a\\tb\", 'it''s']",
    // rarer
    " [a,]",
    " [a: b]",
    " {a}",
    " {a:1}",
    " [a, [b]",
    " [a # c]",
    " {a: 1, a: 2}",
    " [?a]",
    " [a,, b]",
    " {<<: {a: 1}}",
    " [&x a]",
    " [!t a]",
    " [a] x",
    " {a: }",
    " [a\tb]"
  };

  private static final int FLOW_READ = 14;

  /** Whether the document being generated may hold what the reader gives up on. */
  private static boolean wild;

  @Property(tries = 5000)
  void readsAsSnakeYamlDoesOrGivesUp(@ForAll("documents") String yaml) {
    boolean fast = BothReaders.agree(yaml);
    Statistics.collect(fast ? "read" : "gave up");
    // Not vacuous: a good part of the documents must be read, not given up on.
    Statistics.coverage(c -> c.check("read").percentage(p -> p > 25));
  }

  @Provide
  Arbitrary<String> documents() {
    return Arbitraries.randomValue(BlockYamlPropertyTest::document);
  }

  static String document(Random r) {
    StringBuilder b = new StringBuilder();
    wild = r.nextInt(3) == 0;
    if (r.nextInt(5) == 0) {
      b.append("# header\n");
    }
    mapping(b, r, r.nextInt(8) == 0 ? 2 : 0, 0, false);
    String text = b.toString();
    if (wild && r.nextInt(4) == 0 && !text.isEmpty()) {
      // Noise: a tab, a carriage return, a control character, a space taken away or added.
      int at = r.nextInt(text.length());
      String noise = new String[] {"\t", "\r", "\u0001", "", " "}[r.nextInt(5)];
      text = text.substring(0, at) + noise + text.substring(Math.min(text.length(), at + 1));
    }
    return text;
  }

  private static void mapping(StringBuilder b, Random r, int indent, int depth, boolean started) {
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      if (i > 0 || !started) {
        comment(b, r, indent);
        b.append(" ".repeat(indent));
      }
      String key = pick(r, KEYS, KEYS_READ);
      if (!wild && !key.startsWith("'") && !key.startsWith("\"")) {
        key = key + i;
      }
      b.append(key).append(r.nextInt(10) == 0 ? " :" : ":");
      value(b, r, indent, depth);
    }
  }

  private static void value(StringBuilder b, Random r, int indent, int depth) {
    int choice = r.nextInt(depth > 3 ? 5 : 9);
    switch (choice) {
      case 0, 1 -> b.append(' ').append(pick(r, PLAIN, PLAIN_READ)).append(trailer(r)).append('\n');
      case 2 -> b.append(' ').append(pick(r, QUOTED, QUOTED_READ)).append(trailer(r)).append('\n');
      case 3 -> blockScalar(b, r, indent);
      case 4 -> b.append(pick(r, FLOW, FLOW_READ)).append(trailer(r)).append('\n');
      case 5, 6 -> {
        b.append(trailer(r)).append('\n');
        mapping(b, r, indent + 1 + r.nextInt(3), depth + 1, false);
      }
      default -> {
        b.append(trailer(r)).append('\n');
        sequence(b, r, indent + (r.nextBoolean() ? 0 : 2), depth + 1);
      }
    }
  }

  private static void sequence(StringBuilder b, Random r, int indent, int depth) {
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      comment(b, r, indent);
      b.append(" ".repeat(indent)).append('-');
      switch (r.nextInt(depth > 3 ? 3 : 6)) {
        case 0 -> b.append(' ').append(pick(r, PLAIN, PLAIN_READ)).append(trailer(r)).append('\n');
        case 1 -> b.append(' ').append(pick(r, QUOTED, QUOTED_READ)).append('\n');
        case 2 -> b.append(trailer(r)).append('\n');
        case 3 -> {
          b.append(' ');
          mapping(b, r, indent + 2, depth + 1, true);
        }
        case 4 -> {
          b.append('\n');
          mapping(b, r, indent + 2, depth + 1, false);
        }
        default -> blockScalar(b, r, indent);
      }
    }
  }

  private static void blockScalar(StringBuilder b, Random r, int indent) {
    b.append(' ').append(pick(r, BLOCK, BLOCK_READ));
    b.append(trailer(r)).append('\n');
    int inner = indent + 1 + r.nextInt(3);
    int lines = r.nextInt(5);
    for (int i = 0; i < lines; i++) {
      switch (r.nextInt(6)) {
        case 0 -> b.append('\n');
        case 1 -> b.append(" ".repeat(inner + r.nextInt(3))).append('\n');
        case 2 -> b.append(" ".repeat(inner + 1 + r.nextInt(2))).append("more  ").append('\n');
        case 3 -> b.append(" ".repeat(inner)).append("# not a comment\n");
        default -> b.append(" ".repeat(inner)).append(pick(r, PLAIN, PLAIN_READ)).append('\n');
      }
    }
  }

  private static void comment(StringBuilder b, Random r, int indent) {
    if (r.nextInt(8) == 0) {
      b.append(" ".repeat(r.nextInt(indent + 3))).append("# comment: x\n");
    }
    if (r.nextInt(12) == 0) {
      b.append('\n');
    }
  }

  private static String trailer(Random r) {
    return switch (r.nextInt(12)) {
      case 0 -> " # trailing";
      case 1 -> "  ";
      case 2 -> wild ? "#no-space" : "";
      default -> "";
    };
  }

  private static String pick(Random r, String[] values, int readable) {
    return values[r.nextInt(wild ? values.length : readable)];
  }
}
