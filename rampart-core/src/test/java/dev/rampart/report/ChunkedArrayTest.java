package dev.rampart.report;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.Check;
import dev.rampart.checks.Finding;
import dev.rampart.config.RampartConfig;
import dev.rampart.scan.ScanOptions;
import dev.rampart.scan.ScanResult;
import dev.rampart.scan.Scanner;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import dev.rampart.source.synthetic.ClusterWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Findings written by several workers, in chunks, are the bytes one generator writes. */
class ChunkedArrayTest {

  /** Small chunks, so that a small cluster already spreads over many of them. */
  private static final Parallelism SPLIT = new Parallelism(7, 2, 3);

  private static ScanResult scan;
  private static ReportContext context;

  @BeforeAll
  static void scanASyntheticCluster() throws IOException {
    ByteArrayOutputStream yaml = new ByteArrayOutputStream();
    ClusterWriter.write(400, 42, ClusterWriter.Format.YAML, yaml);
    ManifestReader.Result read =
        new ManifestReader().read("c.yaml", new ByteArrayInputStream(yaml.toByteArray()));
    List<Check> catalog = BuiltInChecks.all();
    scan =
        new Scanner(catalog, RampartConfig.EMPTY, null)
            .scan(new Snapshot("c.yaml", read.objects(), read.problems()), ScanOptions.defaults());
    context = ReportContext.of(catalog.stream().map(Check::descriptor).toList(), "test");
  }

  @Test
  void jsonAndSarifAreTheSameBytesSplitOrNot() {
    assertThat(scan.findings()).hasSizeGreaterThan(50 * SPLIT.chunk());
    Set<String> everyOther =
        IntStream.range(0, scan.findings().size())
            .filter(i -> i % 2 == 0)
            .mapToObj(i -> scan.findings().get(i).id())
            .collect(toSet());
    ReportContext compared =
        context.withBaseline(new Baseline("an earlier scan", everyOther, 3, 4));
    for (ReportContext c : List.of(context, compared)) {
      assertThat(render(new JsonReportWriter(SPLIT), scan, c))
          .isEqualTo(render(new JsonReportWriter(Parallelism.SEQUENTIAL), scan, c));
      assertThat(render(new SarifReportWriter(SPLIT), scan, c))
          .isEqualTo(render(new SarifReportWriter(Parallelism.SEQUENTIAL), scan, c));
    }
  }

  @Test
  void anyNumberOfFindingsIsTheSameBytesSplitOrNot() {
    for (int n : new int[] {0, 1, 2, 13, 14, 15, 21, 22}) {
      ScanResult first = withFindings(scan.findings().subList(0, n));
      Parallelism everyTime = new Parallelism(1, 2, 2);
      for (Parallelism p : List.of(SPLIT, everyTime)) {
        assertThat(render(new JsonReportWriter(p), first, context))
            .as("%d findings, %s", n, p)
            .isEqualTo(render(new JsonReportWriter(Parallelism.SEQUENTIAL), first, context));
      }
    }
  }

  @Test
  @Timeout(10)
  void holdsNoMoreThanTheChunksInFlight() throws Exception {
    Parallelism p = new Parallelism(10, 2, 3);
    AtomicInteger encoded = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger seenWhileBlocked = new AtomicInteger(-1);
    // A slow reader: the first chunk's write waits, while the workers would run ahead if unbounded.
    OutputStream slow =
        new OutputStream() {
          @Override
          public void write(int b) {}

          @Override
          public void write(byte[] b, int off, int len) {
            if (len > 0 && b[off] == ',' && seenWhileBlocked.get() < 0) {
              try {
                release.await(300, TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              seenWhileBlocked.set(encoded.get());
            }
          }
        };
    List<Integer> values = IntStream.range(0, 10_000).boxed().toList();
    write(
        new ChunkedArray<Integer>(
            (g, v) -> {
              encoded.incrementAndGet();
              g.writeNumber(v);
            },
            p),
        slow,
        values);
    // The first value, the chunk being written and those in flight; never the thousand chunks.
    assertThat(seenWhileBlocked.get()).isBetween(1, 1 + (p.inFlight() + 1) * p.chunk());
    assertThat(encoded.get()).isEqualTo(values.size());
  }

  @Test
  @Timeout(10)
  void aFailingStreamFailsTheReportWithoutHanging() {
    OutputStream failing =
        new OutputStream() {
          private int writes;

          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (++writes > 3) {
              throw new IOException("disk full");
            }
          }
        };
    assertThatThrownBy(() -> new JsonReportWriter(SPLIT).write(scan, context, failing))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");
  }

  @Test
  @Timeout(10)
  void aFailingValueFailsTheReport() {
    ChunkedArray<Integer> failsAt500 =
        new ChunkedArray<>(
            (g, v) -> {
              if (v == 500) {
                throw new IOException("cannot encode " + v);
              }
              g.writeNumber(v);
            },
            SPLIT);
    assertThatThrownBy(
            () ->
                write(
                    failsAt500,
                    OutputStream.nullOutputStream(),
                    IntStream.range(0, 1000).boxed().toList()))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot encode 500");
  }

  private static void write(ChunkedArray<Integer> array, OutputStream out, List<Integer> values)
      throws IOException {
    JsonGenerator g = JsonOutput.open(out);
    g.writeStartObject();
    g.writeArrayFieldStart("values");
    array.write(g, out, values);
    g.writeEndArray();
    g.writeEndObject();
    JsonOutput.finish(g, out);
  }

  private static ScanResult withFindings(List<Finding> findings) {
    return new ScanResult(
        scan.id(),
        scan.startedAt(),
        scan.durationMs(),
        scan.source(),
        scan.cluster(),
        scan.coverage(),
        scan.summary(),
        findings,
        scan.exceptionsApplied(),
        scan.exceptionsExpired(),
        scan.attackPaths(),
        scan.attackPathBounds(),
        scan.assetGroups());
  }

  private static byte[] render(ReportWriter writer, ScanResult result, ReportContext c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(result, c, out);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }
}
