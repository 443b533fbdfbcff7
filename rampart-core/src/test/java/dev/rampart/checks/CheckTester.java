package dev.rampart.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs one check over manifests written inline. A fixture object states what it expects next to
 * itself, with the annotation {@code rampart.test/expect: <check-id>[,<check-id>...]} (or {@code
 * none}); {@link #assertExpectations()} compares.
 */
public final class CheckTester {

  public static final String EXPECT = "rampart.test/expect";

  private final Check check;
  private final Snapshot snapshot;
  private final CheckRun run;

  private CheckTester(Check check, Snapshot snapshot, CheckContext context) {
    this.check = check;
    this.snapshot = snapshot;
    this.run =
        new CheckRunner(List.of(check), "test").run(snapshot, context, SeverityOverrides.NONE);
  }

  public static CheckTester run(Check check, String yaml) {
    return run(check, yaml, CheckContext.defaults());
  }

  public static CheckTester run(Check check, String yaml, CheckContext context) {
    ManifestReader.Result read =
        new ManifestReader()
            .read("fixture.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    assertThat(read.problems()).as("fixture parse problems").isEmpty();
    return new CheckTester(check, new Snapshot("test", read.objects(), List.of()), context);
  }

  public List<Finding> findings() {
    return run.findings();
  }

  public CheckRun.Tally tally() {
    return run.tallies().get(0);
  }

  /** Names (kind/name) of the objects with findings. */
  public Set<String> failing() {
    return run.findings().stream()
        .map(f -> f.resource().kind() + "/" + f.resource().name())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * Every object whose {@code rampart.test/expect} names this check has a finding, and no other
   * object of the fixture has one.
   */
  public CheckTester assertExpectations() {
    String id = check.descriptor().id();
    Set<String> expected = new TreeSet<>();
    for (KubeObject o : snapshot.objects()) {
      String expect = o.annotations().get(EXPECT);
      if (expect != null && Set.of(expect.split("\\s*,\\s*")).contains(id)) {
        expected.add(o.kind() + "/" + o.name());
      }
    }
    assertThat(failing()).as("objects failing " + id).isEqualTo(expected);
    return this;
  }
}
