package dev.rampart.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a report with its golden file under {@code src/test/resources/report/}. After an
 * intended change, regenerate every golden with {@code mvn test -pl rampart-core
 * -Dtest='dev.rampart.report.*Test' -Dupdate.golden=true} and review the diff before committing.
 */
final class Golden {

  private static final Path DIR = Path.of("src", "test", "resources", "report");

  private Golden() {}

  static void assertMatches(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    if (Boolean.getBoolean("update.golden")) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file).as("golden file %s (create it with -Dupdate.golden=true)", file).exists();
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(actual)
        .as(
            "report differs from %s; if the change is intended, rerun with -Dupdate.golden=true",
            file)
        .isEqualTo(expected);
  }
}
