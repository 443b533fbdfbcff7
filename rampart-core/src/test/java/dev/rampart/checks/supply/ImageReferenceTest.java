package dev.rampart.checks.supply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "nginx, docker.io, library/nginx, -, -",
        "nginx:1.25, docker.io, library/nginx, 1.25, -",
        "bitnami/redis:7.2, docker.io, bitnami/redis, 7.2, -",
        "docker.io/nginx, docker.io, library/nginx, -, -",
        "index.docker.io/library/nginx:latest, docker.io, library/nginx, latest, -",
        "registry-1.docker.io/bitnami/redis, docker.io, bitnami/redis, -, -",
        "localhost/app, localhost, app, -, -",
        "localhost:5000/team/app:v2, localhost:5000, team/app, v2, -",
        "registry.example.com:5000/app, registry.example.com:5000, app, -, -",
        "ghcr.io/org/tool:v1@sha256:abc, ghcr.io, org/tool, v1, sha256:abc",
        "quay.io/prometheus/node-exporter@sha256:def, quay.io, prometheus/node-exporter, -,"
            + " sha256:def",
        "Registry/app, registry, app, -, -",
        "us-central1-docker.pkg.dev/p/r/img:v0.10.6, us-central1-docker.pkg.dev, p/r/img, v0.10.6,"
            + " -",
      })
  void resolvesReferencesAsARuntimeDoes(
      String image, String registry, String repository, String tag, String digest) {
    assertThat(ImageReference.parse(image))
        .isEqualTo(new ImageReference(registry, repository, tag, digest));
  }

  @ParameterizedTest
  @CsvSource({
    "nginx, true",
    "nginx:latest, true",
    "nginx:LATEST, false",
    "nginx:1.25, false",
    "nginx@sha256:abc, false",
    "nginx:latest@sha256:abc, false",
    "localhost:5000/app, true"
  })
  void latestIsWrittenOrImplied(String image, boolean latest) {
    assertThat(ImageReference.parse(image).isLatest()).isEqualTo(latest);
  }
}
