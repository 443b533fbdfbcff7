package dev.rampart.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** The resolver's shortcut must say what SnakeYAML's resolver says, whenever it says anything. */
class ParsersTest {

  private static final Resolver RESOLVER = new Resolver();

  private static void agrees(String value) {
    int type = Parsers.plainType(value);
    if (type == Parsers.UNKNOWN) {
      return;
    }
    Tag expected = type == Parsers.STRING ? Tag.STR : Tag.INT;
    assertThat(RESOLVER.resolve(NodeId.scalar, value, true)).as(value).isEqualTo(expected);
  }

  @Test
  void agreesWithTheResolverOnTypicalValues() {
    for (String value :
        List.of(
            "nginx",
            "yes",
            "Yes",
            "no",
            "NO",
            "on",
            "Off",
            "true",
            "FALSE",
            "null",
            "Null",
            "n",
            "y",
            "nulls",
            "onwards",
            "falsey",
            "0",
            "7",
            "8080",
            "0755",
            "012",
            "1_000",
            "0x1F",
            "0b101",
            "1e3",
            "1.5",
            "128Mi",
            "100m",
            "2Gi",
            "3f2a9c1e-0b7d-4c5e-9a1b-2c3d4e5f6a7b",
            "2026-11-28",
            "2026-11-28T10:40:18Z",
            "10.0.0.1",
            "190:20:30",
            "1:2",
            "99999999999",
            "123456789012345678",
            "1234567890123456789",
            "0.0.0.0/0",
            "80/TCP",
            "1 2",
            "1\t2",
            "1+2",
            "1-2",
            "4.",
            "Z",
            "x",
            "T1",
            "eEe",
            "9" + "0".repeat(2000))) {
      agrees(value);
    }
  }

  @Test
  void agreesWithTheResolverOnRandomValues() {
    Random random = new Random(42);
    String alphabet = "0123456789abcdefxABCDEFTtZ:._+- \tMinoyYsuelNOLRUSq~<!&*/";
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      StringBuilder b = new StringBuilder();
      int length = 1 + random.nextInt(i % 3 == 0 ? 25 : 7);
      for (int j = 0; j < length; j++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      values.add(b.toString());
    }
    values.forEach(ParsersTest::agrees);
  }
}
