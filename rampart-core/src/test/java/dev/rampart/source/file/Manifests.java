package dev.rampart.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.KubeObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads manifests written inline or kept under {@code src/test/resources/manifests}. */
final class Manifests {

  static final ManifestReader READER = new ManifestReader();

  private Manifests() {}

  static ManifestReader.Result read(String name, String text) {
    return read(name, text.getBytes(StandardCharsets.UTF_8));
  }

  static ManifestReader.Result read(String name, byte[] bytes) {
    return READER.read(name, new ByteArrayInputStream(bytes));
  }

  static ManifestReader.Result resource(String name) {
    try (InputStream in = Manifests.class.getResourceAsStream("/manifests/" + name)) {
      assertThat(in).as(name).isNotNull();
      return READER.read(name, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    try (InputStream in = Manifests.class.getResourceAsStream("/manifests/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The 1-based line of the only line of {@code text} that contains {@code marker}. */
  static int lineOf(String text, String marker) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    int found = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(marker)) {
        assertThat(found).as("more than one line contains %s", marker).isZero();
        found = i + 1;
      }
    }
    assertThat(found).as("no line contains %s", marker).isPositive();
    return found;
  }

  static List<String> names(ManifestReader.Result result) {
    return result.objects().stream().map(KubeObject::name).toList();
  }

  /** The result's only problem, after checking that it has exactly one and no objects lost. */
  static InputProblem onlyProblem(ManifestReader.Result result) {
    assertThat(result.problems()).hasSize(1);
    return result.problems().get(0);
  }

  /** A problem message must read well: no Java class names, exception names or stack frames. */
  static void assertReadable(InputProblem problem) {
    assertThat(problem.message())
        .doesNotContain("java.", "io.fabric8", "com.fasterxml", "org.yaml", "`", "Exception", "\n")
        .doesNotContain("[Source:");
  }
}
