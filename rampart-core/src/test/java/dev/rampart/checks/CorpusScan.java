package dev.rampart.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Reads corpus files as the file source does and runs checks over them. */
final class CorpusScan {

  private CorpusScan() {}

  /** Reads {@code paths}, failing on any error. */
  static Snapshot read(Path... paths) {
    Snapshot snapshot = readLenient(paths);
    assertThat(snapshot.problems().stream().filter(InputProblem::isError))
        .as("errors reading " + Arrays.toString(paths))
        .isEmpty();
    return snapshot;
  }

  /** Reads {@code paths}, keeping the problems met in the snapshot. */
  static Snapshot readLenient(Path... paths) {
    List<String> inputs = Arrays.stream(paths).map(Path::toString).toList();
    ManifestReader.Result read = new ManifestReader().read(inputs, InputStream.nullInputStream());
    return new Snapshot("corpus", read.objects(), read.problems());
  }

  static List<Finding> run(Snapshot snapshot, List<Check> checks) {
    return new CheckRunner(checks, "corpus")
        .run(snapshot, new CheckContext(List.of(), Instant.EPOCH), SeverityOverrides.NONE)
        .findings();
  }

  static Check check(String id) {
    return BuiltInChecks.all().stream()
        .filter(c -> c.descriptor().id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + id));
  }
}
