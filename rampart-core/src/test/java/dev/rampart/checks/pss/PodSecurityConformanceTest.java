package dev.rampart.checks.pss;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.Check;
import dev.rampart.checks.CheckContext;
import dev.rampart.checks.CheckDescriptor;
import dev.rampart.checks.CheckRunner;
import dev.rampart.checks.Finding;
import dev.rampart.checks.SeverityOverrides;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import dev.rampart.testing.Corpora;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The upstream Pod Security Admission test data: every fixture under {@code <level>/<pass|fail>/}
 * must be classified for its level exactly as the admission controller does at policy v1.37. A
 * level fails when a check mapped to one of its controls reports a finding; restricted includes the
 * baseline controls.
 */
class PodSecurityConformanceTest {

  private static final String CORPUS = "pss-admission";
  private static final int FIXTURES = 148;

  private static final List<Check> PSS_CHECKS =
      BuiltInChecks.all().stream()
          .filter(c -> c.descriptor().frameworks().stream().anyMatch(f -> f.startsWith("pss:")))
          .toList();

  private static final Map<String, CheckDescriptor> BY_ID =
      PSS_CHECKS.stream()
          .map(Check::descriptor)
          .collect(Collectors.toMap(CheckDescriptor::id, Function.identity()));

  static Stream<Path> fixtures() throws IOException {
    Path root = Corpora.resolve(CORPUS).resolve("fixtures");
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .map(root::relativize)
          .toList()
          .stream();
    }
  }

  @Test
  void theCorpusHoldsEveryUpstreamFixture() throws IOException {
    assertThat(fixtures()).hasSize(FIXTURES);
  }

  @Test
  void theDirectoriesAgreeWithTheUpstreamExpectations() throws IOException {
    List<String> rows = Files.readAllLines(Corpora.resolve(CORPUS).resolve("expectations.tsv"));
    List<String> fromTable =
        rows.stream()
            .skip(1)
            .filter(row -> !row.isBlank())
            .map(row -> row.split("\t"))
            .map(cols -> cols[0] + " " + cols[1] + " " + cols[cols.length - 1])
            .sorted()
            .toList();
    List<String> fromDirectories =
        fixtures()
            .map(p -> "fixtures/" + p + " " + p.getName(0) + " " + p.getName(1))
            .sorted()
            .toList();
    assertThat(fromTable).isEqualTo(fromDirectories);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void classifiesLikePodSecurityAdmission(Path fixture) {
    String level = fixture.getName(0).toString();
    boolean expectFail = fixture.getName(1).toString().equals("fail");
    List<String> prefixes =
        level.equals("baseline")
            ? List.of("pss:baseline/")
            : List.of("pss:baseline/", "pss:restricted/");

    List<Finding> findings = scan(Corpora.resolve(CORPUS).resolve("fixtures").resolve(fixture));
    List<String> atLevel =
        findings.stream()
            .filter(f -> mapsTo(f.checkId(), prefixes))
            .map(f -> f.checkId() + " at " + f.evidence().path())
            .toList();

    if (expectFail) {
      assertThat(atLevel).as("%s violates the %s profile", fixture, level).isNotEmpty();
    } else {
      assertThat(atLevel).as("%s satisfies the %s profile", fixture, level).isEmpty();
    }
  }

  private static boolean mapsTo(String checkId, List<String> prefixes) {
    return BY_ID.get(checkId).frameworks().stream()
        .anyMatch(f -> prefixes.stream().anyMatch(f::startsWith));
  }

  private static List<Finding> scan(Path file) {
    ManifestReader.Result read =
        new ManifestReader().read(List.of(file.toString()), InputStream.nullInputStream());
    assertThat(read.problems()).as("problems reading %s", file).isEmpty();
    assertThat(read.objects()).as("objects in %s", file).hasSize(1);
    Snapshot snapshot = new Snapshot(file.toString(), read.objects(), List.of());
    return new CheckRunner(PSS_CHECKS, "conformance")
        .run(snapshot, CheckContext.defaults(), SeverityOverrides.NONE)
        .findings();
  }
}
