package dev.rampart.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/** The linear reader behaves exactly as SnakeYAML's own, only without its quadratic cost. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LinearStreamReaderTest {

  @Test
  void overridesEveryPublicMethodOfStreamReader() throws NoSuchMethodException {
    for (Method method : StreamReader.class.getDeclaredMethods()) {
      if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())) {
        Method own =
            LinearStreamReader.class.getDeclaredMethod(
                method.getName(), method.getParameterTypes());
        assertThat(own.getDeclaringClass())
            .as(method.toString())
            .isEqualTo(LinearStreamReader.class);
      }
    }
  }

  static Stream<String> documents() {
    String longLine = "k: " + "0123456789abcdef".repeat(2048) + "\n";
    return Stream.of(
        Manifests.text("helm-rendered.yaml"),
        Manifests.text("kubectl-list.yaml"),
        Manifests.text("podlist.json"),
        Manifests.text("workloads.yaml"),
        "a: 1\r\nb: [x, y]\r\nc: |\r\n  text\r\n",
        "a: 1\rb: 2\r",
        "\uFEFFa: b\n",
        "a: next\u0085line\nb: \u2028\n",
        "emoji: \"🚀🚀🚀\"\nkey: 世界\n",
        "🚀".repeat(5000) + ": x\n",
        longLine + longLine + "end: true\n",
        "a: 'it''s'\nb: \"esc\\t\\u00e9\"\nc: >\n  folded\n  text\n",
        "? complex\n: value\n- wrong\n");
  }

  @Test
  void lineStartingAtEachOffsetAroundTheEndOfTheFirstBuffer() {
    // The scanner looks for a "---" marker at the start of each line: near the end of what was
    // read, that look reads more and the window moves under it.
    for (int length = 1000; length < 1040; length++) {
      String yaml = "- " + "v".repeat(length) + "\n- next\n- last\n";

      assertThat(events(yaml, LinearStreamReader::new))
          .as("first line %d characters long", length)
          .isEqualTo(events(yaml, StreamReader::new));
    }
  }

  @Test
  void tokensCrossingEveryBufferBoundary() {
    // Items of every length from 1 to 40, so that over the buffer boundaries every token starts
    // and ends at every offset.
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      yaml.append("- ").append("v".repeat(1 + i % 40));
      yaml.append(i % 3 == 0 ? " and more words\n" : "\n");
    }

    assertThat(events(yaml.toString(), LinearStreamReader::new))
        .isEqualTo(events(yaml.toString(), StreamReader::new));
  }

  @ParameterizedTest
  @MethodSource("documents")
  void sameEventsAndMarksAsSnakeYaml(String yaml) {
    assertThat(events(yaml, LinearStreamReader::new)).isEqualTo(events(yaml, StreamReader::new));
  }

  @Test
  void sameErrorForACharacterYamlDoesNotAllow() {
    String yaml = "a: b\n" + "c".repeat(10_000) + "\u0085\u0007\n";

    assertThatThrownBy(() -> events(yaml, LinearStreamReader::new))
        .isInstanceOf(ReaderException.class)
        .hasMessageContaining("special characters are not allowed");
    assertThatThrownBy(() -> events(yaml, StreamReader::new)).isInstanceOf(ReaderException.class);
  }

  @Test
  void longSingleLineValueIsReadWhole() {
    // 4 MB of base64 on one line, as kubectl prints a large Secret; SnakeYAML's reader took
    // seconds for it.
    String value = "QUJD".repeat(1024 * 1024);
    String yaml =
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: big\ndata:\n  blob: " + value + "\n";

    ManifestReader.Result result = Manifests.read("secret.yaml", yaml);

    assertThat(result.problems()).isEmpty();
    assertThat(result.objects().get(0).as(Secret.class).getData().get("blob")).isEqualTo(value);
  }

  /** Every event as text, with the line, column and index of its start and end. */
  private static List<String> events(String yaml, Function<StringReader, StreamReader> reader) {
    ParserImpl parser = new ParserImpl(reader.apply(new StringReader(yaml)), new LoaderOptions());
    List<String> events = new ArrayList<>();
    try {
      while (!parser.checkEvent(Event.ID.StreamEnd)) {
        Event event = parser.getEvent();
        events.add(event + " " + where(event.getStartMark()) + " " + where(event.getEndMark()));
      }
    } catch (YAMLException e) {
      if (e instanceof ReaderException) {
        throw e;
      }
      events.add("error: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return events;
  }

  private static String where(Mark mark) {
    return Arrays.toString(new int[] {mark.getLine(), mark.getColumn(), mark.getIndex()});
  }
}
