package dev.rampart.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.file.ManifestReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Snapshots from manifests written inline in a test. */
final class Fixtures {

  private Fixtures() {}

  static Snapshot snapshot(String yaml) {
    ManifestReader.Result read =
        new ManifestReader()
            .read("fixture.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    assertThat(read.problems()).as("fixture parse problems").isEmpty();
    return new Snapshot("test", read.objects(), List.of());
  }

  static Rbac rbac(String yaml) {
    return Rbac.of(snapshot(yaml));
  }

  static Subject sa(String namespace, String name) {
    return Subject.serviceAccount(namespace, name);
  }

  static Request get(String resource, String namespace) {
    return ApiResources.request("get", resource, namespace, "");
  }

  static Request request(String verb, String resource, String namespace) {
    return ApiResources.request(verb, resource, namespace, "");
  }
}
