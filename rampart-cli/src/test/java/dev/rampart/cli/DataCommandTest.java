package dev.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCommandTest {

  private static final String NEWER =
      """
      {
        "schema": "rampart.dev/versions/v1",
        "version": "2099.1.0",
        "date": "2099-01-01",
        "sources": ["a newer compilation"],
        "kubernetes": {"releases": [{"minor": "1.99", "endOfLife": "2100-01-01"}]},
        "vulnerabilities": []
      }
      """;

  @Test
  void showsTheBundledDataItsCoverageAndSources(@TempDir Path dir) {
    Cli r = Cli.run("data", "show", "--data-dir", dir.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .containsPattern(
            "Version data \\d+\\.\\d+\\.\\d+ \\(\\d{4}-\\d\\d-\\d\\d\\), bundled with Rampart")
        .contains("Kubernetes releases: 1.10 to")
        .contains("Known vulnerabilities: ")
        .contains("kube-apiserver")
        .contains("Sources:")
        .contains("rampart data update --from FILE");
  }

  @Test
  void installsANewerFileAndUsesIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("versions-2099.json");
    Files.writeString(file, NEWER);
    Path data = dir.resolve("data");
    Cli update =
        Cli.run("data", "update", "--from", file.toString(), "--data-dir", data.toString());
    assertThat(update.exit()).isZero();
    assertThat(update.out()).contains("installed version data 2099.1.0 (2099-01-01)");
    Cli show = Cli.run("data", "show", "--data-dir", data.toString());
    assertThat(show.out())
        .startsWith("Version data 2099.1.0 (2099-01-01), " + data.resolve("versions.json"));

    Cli again = Cli.run("data", "update", "--from", file.toString(), "--data-dir", data.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("not newer than the data in use");
  }

  @Test
  void refusesAnInvalidFileWithExitThree(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, NEWER.replace("\"kubernetes\"", "\"kubernets\""));
    Cli r =
        Cli.run(
            "data", "update", "--from", file.toString(), "--data-dir", dir.resolve("d").toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("broken.json").contains("Unrecognized field \"kubernets\"");
    assertThat(dir.resolve("d/versions.json")).doesNotExist();
  }

  @Test
  void updateNeedsAFile() {
    assertThat(Cli.run("data", "update").exit()).isEqualTo(2);
  }
}
