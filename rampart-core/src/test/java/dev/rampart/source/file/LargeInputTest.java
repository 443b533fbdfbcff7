package dev.rampart.source.file;

import static dev.rampart.source.file.Manifests.assertReadable;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of 100 MB, generated at test time: many documents and long lists stream, one huge object is
 * refused with a clear error, and memory stays bounded (the tests run with a 1 GB heap).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LargeInputTest {

  private static final long SIZE = 100L * 1024 * 1024;

  /** About a kilobyte of data per object. */
  private static final String VALUE = "v".repeat(900);

  @TempDir Path dir;

  @Test
  void manySmallDocuments() throws IOException {
    Path file = dir.resolve("many.yaml");
    int count;
    try (Writer out = writer(file)) {
      count = 0;
      for (long written = 0; written < SIZE; count++) {
        String doc = configMap(count) + "---\n";
        out.write(doc);
        written += doc.length();
      }
    }

    ManifestReader.Result result = readFile(file);

    assertThat(result.problems()).isEmpty();
    assertThat(result.objects()).hasSize(count);
    int linesPerDocument = 7;
    KubeObject last = result.objects().get(count - 1);
    assertThat(last.name()).isEqualTo("cm-" + (count - 1));
    assertThat(last.origin())
        .isEqualTo(new Origin(file.toString(), count, (count - 1) * linesPerDocument + 1, null));
  }

  @Test
  void oneHugeYamlObjectIsRefusedAndTheNextDocumentRead() throws IOException {
    Path file = dir.resolve("huge.yaml");
    try (Writer out = writer(file)) {
      out.write(configMap(0) + "---\n");
      out.write("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: huge\ndata:\n  blob: ");
      writeFiller(out, SIZE);
      out.write("\n---\n" + configMap(2));
    }

    ManifestReader.Result result = readFile(file);

    assertThat(result.objects()).extracting(KubeObject::name).containsExactly("cm-0", "cm-2");
    assertHugeObjectRefused(result, 8, 2);
  }

  @Test
  void oneHugeSingleLineJsonObjectIsRefused() throws IOException {
    // Minified JSON: the whole object on one line. JSON has no document markers to resume at, so
    // what follows in the same file is lost with it.
    Path file = dir.resolve("huge.json");
    try (Writer out = writer(file)) {
      out.write("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"huge\"},");
      out.write("\"data\":{\"blob\":\"");
      writeFiller(out, SIZE);
      out.write(
          "\"}}\n{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"next\"}}\n");
    }

    ManifestReader.Result result = readFile(file);

    assertThat(result.objects()).isEmpty();
    assertHugeObjectRefused(result, 1, 1);
  }

  @Test
  void longListStreamsItemByItem() throws IOException {
    Path file = dir.resolve("list.yaml");
    int count = 0;
    try (Writer out = writer(file)) {
      // As kubectl prints it: apiVersion, items, kind, metadata.
      out.write("apiVersion: v1\nitems:\n");
      for (long written = 0; written < SIZE; count++) {
        String item =
            "- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: cm-"
                + count
                + "\n  data:\n    key: "
                + VALUE
                + "\n";
        out.write(item);
        written += item.length();
      }
      out.write("kind: List\nmetadata:\n  resourceVersion: \"\"\n");
    }

    ManifestReader.Result result = readFile(file);

    assertThat(result.problems()).isEmpty();
    assertThat(result.objects()).hasSize(count);
    assertThat(result.objects().get(count - 1).origin())
        .isEqualTo(new Origin(file.toString(), 1, 3 + (count - 1) * 6, null));
  }

  private static void assertHugeObjectRefused(
      ManifestReader.Result result, int line, int document) {
    assertThat(result.problems()).hasSize(1);
    InputProblem problem = result.problems().get(0);
    assertReadable(problem);
    assertThat(problem.isError()).isTrue();
    assertThat(problem.message()).startsWith("object larger than 16 MiB");
    assertThat(problem.line()).isEqualTo(line);
    assertThat(problem.document()).isEqualTo(document);
  }

  private static String configMap(int i) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-"
        + i
        + "\ndata:\n  key: "
        + VALUE
        + "\n";
  }

  private static void writeFiller(Writer out, long chars) throws IOException {
    char[] chunk = "x".repeat(64 * 1024).toCharArray();
    for (long written = 0; written < chars; written += chunk.length) {
      out.write(chunk);
    }
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20);
  }

  private static ManifestReader.Result readFile(Path file) {
    return Manifests.READER.read(List.of(file.toString()), null);
  }
}
