package dev.rampart.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public labelled corpora live beside the repository, in {@code ../shared/corpora}, not in it:
 * tests that use them skip when the folder is absent, so a fresh clone still passes.
 */
public final class Corpora {

  private Corpora() {}

  /** The corpora folder, or a skipped test when it is not there. */
  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path at = dir; at != null; at = at.getParent()) {
      if (Files.isRegularFile(at.resolve("rampart")) && Files.isDirectory(at.resolve(".ci"))) {
        Path corpora = at.resolveSibling("shared").resolve("corpora");
        assumeTrue(Files.isDirectory(corpora), "corpora not present at " + corpora + "; skipped");
        return corpora;
      }
    }
    assumeTrue(false, "repository root not found from " + dir + "; corpora skipped");
    return null;
  }

  public static Path resolve(String relative) {
    Path path = root().resolve(relative);
    assumeTrue(Files.exists(path), relative + " not present in the corpora; skipped");
    return path;
  }
}
