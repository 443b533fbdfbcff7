package dev.rampart.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rampart.source.synthetic.ClusterWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading with {@link BlockYaml} and without it gives the same objects (fabric8 equality), origins
 * and problems, for every manifest at hand: the test resources, the demo cluster, generated
 * clusters, and the shared corpora next to the repository when they are there.
 */
class FastYamlDifferentialTest {

  private static final Parsers FAST = Parsers.of(ParseLimits.DEFAULT);
  private static final Parsers SLOW = FAST.withFastYaml(false);

  /** The documents each stream read with BlockYaml, and what it gave. */
  private record Read(ManifestReader.Result result, int fastDocuments) {}

  private static Read read(Parsers parsers, String name, byte[] bytes) {
    Collector out = new Collector();
    new ManifestStream(name, parsers, out).read(new ByteArrayInputStream(bytes));
    return new Read(out.result(), out.fastDocuments());
  }

  /** Asserts both paths agree on a stream; returns the fast path's count of documents it read. */
  static int sameEitherWay(String name, byte[] bytes) {
    Read fast = read(FAST, name, bytes);
    Read slow = read(SLOW, name, bytes);
    assertThat(slow.fastDocuments()).isZero();
    assertThat(fast.result().problems()).as(name).isEqualTo(slow.result().problems());
    assertThat(fast.result().objects()).as(name).hasSameSizeAs(slow.result().objects());
    for (int i = 0; i < fast.result().objects().size(); i++) {
      var a = fast.result().objects().get(i);
      var b = slow.result().objects().get(i);
      assertThat(a.origin()).as(name).isEqualTo(b.origin());
      assertThat(a.resource()).as("%s at %s", name, a.origin()).isEqualTo(b.resource());
    }
    return fast.fastDocuments();
  }

  private static void sameForEveryFileUnder(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(
                  f -> {
                    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                    return n.endsWith(".yaml") || n.endsWith(".yml");
                  })
              .sorted()
              .toList();
    }
    assertThat(files).as("YAML files under " + dir).isNotEmpty();
    for (Path f : files) {
      sameEitherWay(dir.relativize(f).toString(), Files.readAllBytes(f));
    }
    // The files of a directory are read on every core, each document parsed as soon as read.
    List<String> input = List.of(dir.toString());
    ManifestReader.Result fast = new ManifestReader(FAST).read(input, null);
    ManifestReader.Result slow = new ManifestReader(SLOW).read(input, null);
    assertThat(fast.problems()).isEqualTo(slow.problems());
    assertThat(fast.objects()).isEqualTo(slow.objects());
  }

  @Test
  void testResources() throws IOException {
    sameForEveryFileUnder(Path.of("src/test/resources"));
  }

  @Test
  void demoCluster() throws IOException {
    sameForEveryFileUnder(Path.of("src/main/resources/demo"));
  }

  /** The corpora shared between the project's checkouts, next to the repository; optional. */
  @Test
  void sharedCorpora() throws IOException {
    Path corpora = Path.of("..").toAbsolutePath().normalize().resolveSibling("shared/corpora");
    assumeTrue(Files.isDirectory(corpora), "no shared corpora next to the repository");
    sameForEveryFileUnder(corpora);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 42})
  void generatedClusters(long seed) throws IOException {
    sameEitherWay("generated.yaml", generated(300, seed));
  }

  /** The speed-up must not silently disappear: generated clusters are read by BlockYaml. */
  @Test
  void generatedClusterTakesTheFastPath() throws IOException {
    byte[] yaml = generated(300, 42);
    int documents = read(SLOW, "generated.yaml", yaml).result().objects().size();
    int fast = sameEitherWay("generated.yaml", yaml);
    assertThat(fast).isGreaterThanOrEqualTo(documents * 99 / 100);
  }

  static byte[] generated(int pods, long seed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ClusterWriter.write(pods, seed, ClusterWriter.Format.YAML, out);
    return out.toByteArray();
  }
}
