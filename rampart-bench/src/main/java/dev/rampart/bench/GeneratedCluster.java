package dev.rampart.bench;

import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import dev.rampart.source.synthetic.ClusterWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A generated cluster held in memory: its YAML bytes and their parsed snapshot. */
final class GeneratedCluster {

  /** The seed of every benchmark, the one bench/run uses. */
  static final long SEED = 42;

  final byte[] yaml;
  final Snapshot snapshot;

  GeneratedCluster(int pods) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ClusterWriter.write(pods, SEED, ClusterWriter.Format.YAML, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.yaml = out.toByteArray();
    this.snapshot = parse(yaml);
    if (!snapshot.problems().isEmpty()) {
      throw new IllegalStateException("generated cluster has problems: " + snapshot.problems());
    }
  }

  static Snapshot parse(byte[] yaml) {
    ManifestReader.Result read =
        new ManifestReader().read("generated.yaml", new ByteArrayInputStream(yaml));
    return new Snapshot("generated", read.objects(), read.problems());
  }

  /**
   * The same objects in a new snapshot. The RBAC and network analyses are cached per snapshot
   * instance, so a benchmark of them needs a fresh one each time.
   */
  Snapshot fresh() {
    return new Snapshot("generated", snapshot.objects(), snapshot.problems());
  }
}
