package dev.rampart.source.demo;

import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled demo cluster: "ShopOps", a web shop with payments, with deliberate weaknesses in
 * every area (see {@code demo/README.md} in the resources). Read through the same file source as
 * any manifest, so it exercises the same code a user's files do.
 */
public final class DemoCluster {

  private static final String DIR = "/demo/";

  private DemoCluster() {}

  public static Snapshot load() {
    ManifestReader reader = new ManifestReader();
    List<KubeObject> objects = new ArrayList<>();
    List<InputProblem> problems = new ArrayList<>();
    for (String file : index()) {
      try (InputStream in = resource(file)) {
        ManifestReader.Result result = reader.read("demo/" + file, in);
        objects.addAll(result.objects());
        problems.addAll(result.problems());
      } catch (IOException e) {
        throw new UncheckedIOException("the demo cluster in the jar is damaged: " + file, e);
      }
    }
    return new Snapshot("demo", objects, problems);
  }

  /** The demo's own {@code rampart.yaml} (asset groups, trusted registries), as text. */
  public static String config() {
    try (InputStream in = resource("rampart.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the demo configuration in the jar is damaged", e);
    }
  }

  private static List<String> index() {
    try (InputStream in = resource("index.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("the demo index in the jar is damaged", e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = DemoCluster.class.getResourceAsStream(DIR + name);
    if (in == null) {
      throw new IOException("missing resource " + DIR + name);
    }
    return in;
  }
}
