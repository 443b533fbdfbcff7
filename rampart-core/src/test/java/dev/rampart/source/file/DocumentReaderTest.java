package dev.rampart.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a stream is cut into documents, and what the reader notes on the way. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DocumentReaderTest {

  private record Document(String text, int firstLine, boolean explicitStart, String helmSource) {}

  private static List<Document> split(Reader in) throws IOException {
    DocumentReader docs = new DocumentReader(in, 1024 * 1024);
    List<Document> all = new ArrayList<>();
    while (docs.next()) {
      StringBuilder text = new StringBuilder();
      char[] buf = new char[7]; // small, so that reads end in the middle of lines
      for (int n; (n = docs.read(buf, 0, buf.length)) >= 0; ) {
        text.append(buf, 0, n);
      }
      all.add(
          new Document(
              text.toString(), docs.absoluteLine(1), docs.explicitStart(), docs.helmSource()));
    }
    return all;
  }

  private static List<Document> split(String text) throws IOException {
    return split(new StringReader(text));
  }

  @Test
  void cutsAtMarkersThatStartALine() throws IOException {
    List<Document> docs = split("a: 1\n---\nb: 2\n...\nc: 3\n---\n");

    assertThat(docs)
        .containsExactly(
            new Document("a: 1\n", 1, false, null),
            new Document("   \nb: 2\n", 2, true, null),
            new Document("   \nc: 3\n", 4, false, null),
            new Document("   \n", 6, true, null));
  }

  @Test
  void markerLineMayCarryTheStartOfTheDocumentWhichKeepsItsColumns() throws IOException {
    List<Document> docs = split("--- |\n  text\n--- {a: 1}\n---\t# comment\n");

    assertThat(docs)
        .extracting(Document::text)
        .containsExactly("", "    |\n  text\n", "    {a: 1}\n", "   \t# comment\n");
  }

  @Test
  void lookalikesAreContent() throws IOException {
    String text = "a: |\n  ---\n----\n---x\n...y\n -- -\n";

    assertThat(split(text)).extracting(Document::text).containsExactly(text);
  }

  @Test
  void markerAtTheEndWithoutLineBreak() throws IOException {
    assertThat(split("a: 1\n---")).extracting(Document::firstLine).containsExactly(1, 2);
  }

  @Test
  void linesAreCountedForEveryKindOfLineBreak() throws IOException {
    assertThat(split("a\r\nb\rc\n---\r\nd\r---\re"))
        .extracting(Document::firstLine)
        .containsExactly(1, 4, 6);
  }

  @Test
  void remembersTheFirstHelmSourceCommentOfEachDocument() throws IOException {
    List<Document> docs =
        split(
            "# Source: chart/templates/a.yaml\na: 1\n# Source: chart/templates/later.yaml\n"
                + "---\n  # Source: indented/is/no/source.yaml\nb: 2\n"
                + "---\n# Source: chart/templates/at-the-end.yaml");

    assertThat(docs)
        .extracting(Document::helmSource)
        .containsExactly("chart/templates/a.yaml", null, "chart/templates/at-the-end.yaml");
  }

  @Test
  void directiveBeforeTheMarkerBecomesAComment() throws IOException {
    assertThat(split("%YAML 1.2\n---\na: 1\n"))
        .extracting(Document::text)
        .containsExactly("#YAML 1.2\n", "   \na: 1\n");
  }

  @Test
  void controlCharacterIsRefusedAtItsLineAndTheNextDocumentIsRead() throws IOException {
    DocumentReader docs = new DocumentReader(new StringReader("a: 1\nb: \u0001\n---\nc: 3\n"), 100);
    docs.next();
    char[] buf = new char[100];

    assertThat(docs.read(buf, 0, buf.length)).isEqualTo("a: 1\nb: ".length());
    assertThatThrownBy(() -> docs.read(buf, 0, buf.length))
        .isInstanceOfSatisfying(
            InputRejectedException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessageContaining("U+0001");
    assertThat(docs.next()).isTrue();
    assertThat(docs.read(buf, 0, buf.length)).isEqualTo("   \nc: 3\n".length());
  }

  @Test
  void invalidUtf8IsRefusedAtItsLineAndTheNextDocumentIsRead() throws IOException {
    byte[] bytes = "a: 1\nb: x\n---\nc: 3\n".getBytes(StandardCharsets.UTF_8);
    bytes[8] = (byte) 0xff;
    DocumentReader docs =
        new DocumentReader(TextDecoder.open(new ByteArrayInputStream(bytes)), 100);
    docs.next();
    char[] buf = new char[100];

    assertThat(docs.read(buf, 0, buf.length)).isEqualTo("a: 1\nb: ".length());
    assertThatThrownBy(() -> docs.read(buf, 0, buf.length))
        .isInstanceOfSatisfying(
            InputRejectedException.class, e -> assertThat(e.line()).isEqualTo(2))
        .hasMessageContaining("UTF-8");
    assertThat(docs.next()).isTrue();
    assertThat(new String(buf, 0, docs.read(buf, 0, buf.length))).isEqualTo("   \nc: 3\n");
  }

  @Test
  void objectBudgetIsChargedPerObject() throws IOException {
    DocumentReader docs = new DocumentReader(new StringReader("x".repeat(50) + "\n"), 20);
    docs.next();
    char[] buf = new char[10];

    docs.read(buf, 0, 10);
    docs.startObject();
    docs.read(buf, 0, 10);
    docs.read(buf, 0, 10);

    assertThatThrownBy(() -> docs.read(buf, 0, 10))
        .isInstanceOf(InputRejectedException.class)
        .hasMessageStartingWith("object larger than");
    assertThat(docs.next()).isFalse();
  }

  @Test
  void jsonIsTheStreamWhoseFirstCharacterIsABrace() throws IOException {
    assertThat(new DocumentReader(new StringReader(" \n\t{\"a\": 1}"), 100).looksLikeJson())
        .isTrue();
    assertThat(new DocumentReader(new StringReader("a: {}"), 100).looksLikeJson()).isFalse();
    assertThat(new DocumentReader(new StringReader("[1]"), 100).looksLikeJson()).isFalse();
  }
}
