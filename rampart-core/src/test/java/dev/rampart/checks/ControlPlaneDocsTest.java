package dev.rampart.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/control-plane.md lists every check of the area, so that the page cannot drift. */
class ControlPlaneDocsTest {

  @Test
  void listsEveryCheckOfTheArea() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "control-plane.md"));
    for (Check c : BuiltInChecks.all()) {
      if (c.getClass()
          .getPackageName()
          .matches("dev\\.rampart\\.checks\\.(controlplane|node|version|namespace)")) {
        String id = c.descriptor().id();
        assertThat(doc)
            .as("docs/control-plane.md lists " + id)
            .contains("| `" + id + "` | " + c.descriptor().severity().id() + " |");
      }
    }
  }
}
