package dev.rampart.source.file;

import static dev.rampart.source.file.Manifests.lineOf;
import static dev.rampart.source.file.Manifests.names;
import static dev.rampart.source.file.Manifests.read;
import static dev.rampart.source.file.Manifests.resource;
import static dev.rampart.source.file.Manifests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The formats the file source reads, and where every object it reads came from. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ManifestReaderTest {

  private static final String CONFIG_MAP =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: %s
      data:
        key: value
      """;

  private static String configMap(String name) {
    return CONFIG_MAP.formatted(name);
  }

  @Nested
  class Formats {

    @Test
    void yaml() {
      ManifestReader.Result result = read("cm.yaml", configMap("settings"));

      assertThat(result.problems()).isEmpty();
      assertThat(result.objects())
          .singleElement()
          .satisfies(
              o -> {
                assertThat(o.resource()).isInstanceOf(ConfigMap.class);
                assertThat(o.as(ConfigMap.class).getData()).containsEntry("key", "value");
                assertThat(o.origin()).isEqualTo(new Origin("cm.yaml", 1, 1, null));
              });
    }

    @Test
    void json() {
      String json =
          """
          {
            "apiVersion": "v1",
            "kind": "Service",
            "metadata": {"name": "web", "namespace": "shop"},
            "spec": {"ports": [{"port": 443, "targetPort": "https"}]}
          }
          """;

      ManifestReader.Result result = read("svc.json", json);

      assertThat(result.problems()).isEmpty();
      Service service = result.objects().get(0).as(Service.class);
      assertThat(service.getMetadata().getNamespace()).isEqualTo("shop");
      assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal())
          .isEqualTo("https");
      assertThat(result.objects().get(0).origin()).isEqualTo(new Origin("svc.json", 1, 1, null));
    }

    @Test
    void jsonObjectsOneAfterAnotherAreDocumentsOfTheirOwn() {
      // What "kubectl get pod a -o json; kubectl get pod b -o json" leaves in a file.
      String json =
          """
          {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}
          {
            "apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b"}
          }
          """;

      ManifestReader.Result result = read("two.json", json);

      assertThat(result.problems()).isEmpty();
      assertThat(result.objects())
          .extracting(KubeObject::name, o -> o.origin().document(), o -> o.origin().line())
          .containsExactly(tuple("a", 1, 1), tuple("b", 2, 2));
    }

    @Test
    void jsonIsRecognizedByItsFirstCharacterAsKubectlDoes() {
      // JSON indented with tabs is valid JSON but not valid YAML: the YAML parser would fail.
      String json =
          "{\n\t\"apiVersion\": \"v1\",\n\t\"kind\": \"ConfigMap\",\n"
              + "\t\"metadata\": {\n\t\t\"name\": \"tabs\"\n\t}\n}\n";

      ManifestReader.Result result = read("<stdin>", json);

      assertThat(result.problems()).isEmpty();
      assertThat(names(result)).containsExactly("tabs");
    }

    @Test
    void multipleDocuments() {
      String yaml =
          """
          # A comment before the first marker is not a document.
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: first
          ---
          # Only a comment: an empty document, skipped silently.
          ---
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: third
          ...
          ---
          --- {apiVersion: v1, kind: ConfigMap, metadata: {name: on-the-marker-line}}
          --- # a comment on the marker line
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: after-commented-marker
          """;

      ManifestReader.Result result = read("multi.yaml", yaml);

      assertThat(result.problems()).isEmpty();
      assertThat(result.objects())
          .extracting(KubeObject::name, o -> o.origin().document(), o -> o.origin().line())
          .containsExactly(
              tuple("first", 1, lineOf(yaml, "name: first") - 3),
              tuple("third", 3, lineOf(yaml, "name: third") - 3),
              tuple("on-the-marker-line", 5, lineOf(yaml, "on-the-marker-line")),
              tuple("after-commented-marker", 6, lineOf(yaml, "a comment on the marker") + 1));
    }

    @Test
    void documentMarkersNeedTheirOwnLineStart() {
      // "----", "---x" and an indented "---" are content, not markers.
      String yaml =
          """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: markers
          data:
            script: |
              echo start
              ---
              echo end
            banner: |-
              ----
          """;

      ManifestReader.Result result = read("markers.yaml", yaml);

      assertThat(result.problems()).isEmpty();
      assertThat(result.objects().get(0).as(ConfigMap.class).getData())
          .containsEntry("script", "echo start\n---\necho end\n")
          .containsEntry("banner", "----");
    }

    @Test
    void windowsAndOldMacLineEndings() {
      String unix = configMap("a") + "---\n" + configMap("b");

      ManifestReader.Result crlf = read("crlf.yaml", unix.replace("\n", "\r\n"));
      ManifestReader.Result cr = read("cr.yaml", unix.replace("\n", "\r"));

      for (ManifestReader.Result result : List.of(crlf, cr)) {
        assertThat(result.problems()).isEmpty();
        assertThat(result.objects())
            .extracting(KubeObject::name, o -> o.origin().document(), o -> o.origin().line())
            .containsExactly(tuple("a", 1, 1), tuple("b", 2, 8));
        assertThat(result.objects().get(1).as(ConfigMap.class).getData())
            .containsEntry("key", "value");
      }
    }

    @Test
    void yamlDirectiveBeforeTheMarker() {
      ManifestReader.Result result = read("directive.yaml", "%YAML 1.2\n---\n" + configMap("d"));

      assertThat(result.problems()).isEmpty();
      assertThat(result.objects())
          .extracting(KubeObject::name, o -> o.origin().document(), o -> o.origin().line())
          .containsExactly(tuple("d", 1, 3));
    }

    @Test
    void utf8ByteOrderMark() {
      byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

      ManifestReader.Result yaml = read("bom.yaml", concat(bom, configMap("yaml-bom")));
      ManifestReader.Result json =
          read(
              "bom.json",
              concat(
                  bom,
                  "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"j\"}}"));

      assertThat(yaml.problems()).isEmpty();
      assertThat(yaml.objects()).singleElement().extracting(o -> o.origin().line()).isEqualTo(1);
      assertThat(names(yaml)).containsExactly("yaml-bom");
      assertThat(json.problems()).isEmpty();
      assertThat(names(json)).containsExactly("j");
    }

    @Test
    void utf16WithByteOrderMarkAsPowerShellWritesIt() {
      ManifestReader.Result result =
          read("ps.yaml", configMap("from-powershell").getBytes(StandardCharsets.UTF_16));

      assertThat(result.problems()).isEmpty();
      assertThat(names(result)).containsExactly("from-powershell");
    }

    @Test
    void nonAsciiText() {
      ManifestReader.Result result =
          read(
              "utf8.yaml",
              configMap("i18n").replace("value", "Grüße, 世界 🚀") + "  other: \"ok\"\n");

      assertThat(result.problems()).isEmpty();
      assertThat(result.objects().get(0).as(ConfigMap.class).getData())
          .containsEntry("key", "Grüße, 世界 🚀");
    }
  }

  @Nested
  class Inputs {

    @TempDir Path dir;

    @Test
    void directoryIsReadRecursivelyInKubectlOrderSkippingHiddenAndOtherFiles() throws IOException {
      write("b.yaml", configMap("b"));
      write("a/x.yml", configMap("a-x"));
      write(
          "a-b/y.json",
          "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a-b-y\"}}");
      write("a/nested/deep/z.YAML", configMap("a-nested-z"));
      write(
          "c.json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
      write(".git/config.yaml", configMap("hidden-dir"));
      write(".github/workflows/ci.yml", "on: push\n");
      write(".gitlab-ci.yml", "stages: [build]\n");
      write("README.md", "# not a manifest\n");
      write("kustomization.txt", configMap("wrong-extension"));

      ManifestReader.Result result = Manifests.READER.read(List.of(dir.toString()), null);

      assertThat(result.problems()).isEmpty();
      assertThat(names(result)).containsExactly("a-nested-z", "a-x", "a-b-y", "b", "c");
      assertThat(result.objects().get(1).origin().file())
          .isEqualTo(dir.resolve("a/x.yml").toString());
    }

    @Test
    void fileNamedExplicitlyIsReadWhateverItsExtension() throws IOException {
      Path file = write("manifest.txt", configMap("explicit"));

      ManifestReader.Result result = Manifests.READER.read(List.of(file.toString()), null);

      assertThat(result.problems()).isEmpty();
      assertThat(result.objects().get(0).origin().file()).isEqualTo(file.toString());
    }

    @Test
    void standardInputAmongFiles() throws IOException {
      Path file = write("file.yaml", configMap("from-file"));
      var stdin =
          new ByteArrayInputStream(configMap("from-stdin").getBytes(StandardCharsets.UTF_8));

      ManifestReader.Result result =
          Manifests.READER.read(List.of(file.toString(), ManifestReader.STDIN), stdin);

      assertThat(result.problems()).isEmpty();
      assertThat(result.objects())
          .extracting(KubeObject::name, o -> o.origin().file())
          .containsExactly(tuple("from-file", file.toString()), tuple("from-stdin", "<stdin>"));
    }

    @Test
    void directoryWithoutManifestsIsAWarning() throws IOException {
      write("notes.txt", "nothing here\n");

      ManifestReader.Result result = Manifests.READER.read(List.of(dir.toString()), null);

      assertThat(result.objects()).isEmpty();
      assertThat(result.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.isError()).isFalse();
                assertThat(p.message()).contains("no .yaml, .yml or .json files");
              });
    }

    private Path write(String name, String content) throws IOException {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    }
  }

  @Nested
  class Lists {

    @Test
    void kubectlGetOutputWithItemsBeforeKind() {
      String yaml = text("kubectl-list.yaml");

      ManifestReader.Result result = resource("kubectl-list.yaml");

      assertThat(result.problems()).isEmpty();
      assertThat(result.objects())
          .extracting(KubeObject::kind, KubeObject::name, o -> o.origin().line())
          .containsExactly(
              tuple("Deployment", "web", lineOf(yaml, "- apiVersion: apps/v1")),
              tuple("Service", "web", lineOf(yaml, "- apiVersion: v1")));
      assertThat(result.objects()).allSatisfy(o -> assertThat(o.origin().document()).isEqualTo(1));
      assertThat(result.objects().get(0).resource()).isInstanceOf(Deployment.class);
    }

    @Test
    void typedListFromTheApiWhoseItemsHaveNoKind() {
      String json = text("podlist.json");

      ManifestReader.Result result = resource("podlist.json");

      assertThat(result.problems()).isEmpty();
      assertThat(result.objects())
          .extracting(KubeObject::name, o -> o.resource().getApiVersion(), o -> o.origin().line())
          .containsExactly(
              tuple("coredns-5d78c9869d-abcde", "v1", lineOf(json, "\"items\"") + 1),
              tuple(
                  "etcd-control-plane",
                  "v1",
                  lineOf(json, "\"name\": \"etcd-control-plane\"") - 2));
      assertThat(result.objects())
          .allSatisfy(o -> assertThat(o.resource()).isInstanceOf(Pod.class));
      Pod etcd = result.objects().get(1).as(Pod.class);
      assertThat(etcd.getSpec().getHostNetwork()).isTrue();
    }

    @Test
    void listItemsThatAreNotObjectsAreReportedOneByOne() {
      String yaml =
          """
          apiVersion: v1
          kind: List
          items:
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: good}
          - just a string
          - apiVersion: v1
            kind: ConfigMap
            metadata: {}
          """;

      ManifestReader.Result result = read("list.yaml", yaml);

      assertThat(names(result)).containsExactly("good");
      assertThat(result.problems())
          .extracting(p -> p.isError(), p -> p.line(), p -> p.message())
          .containsExactly(
              tuple(
                  false,
                  lineOf(yaml, "just a string"),
                  "items[1]: not a Kubernetes object (it is a scalar, not a mapping); skipped"),
              tuple(
                  true,
                  lineOf(yaml, "metadata: {}"),
                  "items[2]: ConfigMap has no metadata.name; skipped"));
    }

    @Test
    void emptyListIsNoProblemButTheFileHasNoObjects() {
      ManifestReader.Result result =
          read("empty-list.yaml", "apiVersion: v1\nkind: List\nitems: []\n");

      assertThat(result.objects()).isEmpty();
      assertThat(result.problems())
          .singleElement()
          .satisfies(p -> assertThat(p.isError()).isFalse());
    }

    @Test
    void customResourceWithItemsFieldIsNotAList() {
      String yaml =
          """
          apiVersion: example.com/v1
          kind: Inventory
          metadata:
            name: shelf
          items:
          - sku: 42
          """;

      ManifestReader.Result result = read("cr.yaml", yaml);

      assertThat(result.problems()).isEmpty();
      assertThat(names(result)).containsExactly("shelf");
    }
  }

  @Nested
  class RenderedOutput {

    @Test
    void helmTemplateOutputRemembersEachTemplate() {
      String yaml = text("helm-rendered.yaml");

      ManifestReader.Result result = resource("helm-rendered.yaml");

      assertThat(result.problems()).isEmpty();
      assertThat(result.objects())
          .extracting(
              KubeObject::kind,
              o -> o.origin().template(),
              o -> o.origin().document(),
              o -> o.origin().line())
          .containsExactly(
              tuple(
                  "ServiceAccount",
                  "shop/templates/serviceaccount.yaml",
                  1,
                  lineOf(yaml, "kind: ServiceAccount") - 1),
              tuple(
                  "Service",
                  "shop/templates/service.yaml",
                  3,
                  lineOf(yaml, "# Source: shop/templates/service.yaml") + 1),
              tuple(
                  "Deployment",
                  "shop/templates/deployment.yaml",
                  4,
                  lineOf(yaml, "kind: Deployment") - 1),
              tuple(
                  "Pod",
                  "shop/templates/tests/test-connection.yaml",
                  5,
                  lineOf(yaml, "kind: Pod") - 1));
    }

    @Test
    void kustomizeOutputWithOriginAnnotations() {
      ManifestReader.Result result = resource("kustomize-origin.yaml");

      assertThat(result.problems()).isEmpty();
      assertThat(result.objects())
          .extracting(KubeObject::name, o -> o.origin().template())
          .containsExactly(
              tuple("web-config-5g2k8c7b9d", "overlays/prod/kustomization.yaml"),
              tuple("prod-web", "../../base/deployment.yaml"),
              tuple("prod-web", "examples/helloWorld/service.yaml"));
    }

    @Test
    void kustomizeOutputWithoutAnnotationsIsPlainMultiDocument() {
      String yaml = configMap("a") + "---\n" + configMap("b");

      ManifestReader.Result result = read("kustomize-build.yaml", yaml);

      assertThat(result.problems()).isEmpty();
      assertThat(result.objects())
          .extracting(KubeObject::name, o -> o.origin().template())
          .containsExactly(tuple("a", null), tuple("b", null));
    }
  }

  @Nested
  class Anchors {

    @Test
    void aliasesAndMergeKeysResolveAsKubectlDoes() {
      String yaml =
          """
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
            labels: &labels
              app: web
          spec:
            selector:
              matchLabels: *labels
            template:
              metadata:
                labels: *labels
              spec:
                containers:
                - &main
                  name: web
                  image: nginx:1.27
                  securityContext: &restricted
                    runAsNonRoot: true
                    allowPrivilegeEscalation: false
                - <<: *main
                  name: sidecar
                  image: envoy:1.30
                initContainers:
                - name: init
                  image: busybox:1.36
                  securityContext:
                    <<: *restricted
                    allowPrivilegeEscalation: true
                    runAsUser: 1000
          """;

      ManifestReader.Result result = read("anchors.yaml", yaml);

      assertThat(result.problems()).isEmpty();
      Deployment deployment = result.objects().get(0).as(Deployment.class);
      assertThat(deployment.getSpec().getSelector().getMatchLabels()).containsEntry("app", "web");
      assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
          .containsEntry("app", "web");
      List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
      assertThat(containers)
          .extracting(Container::getName, Container::getImage)
          .containsExactly(tuple("web", "nginx:1.27"), tuple("sidecar", "envoy:1.30"));
      assertThat(containers.get(1).getSecurityContext().getRunAsNonRoot()).isTrue();
      var init = deployment.getSpec().getTemplate().getSpec().getInitContainers().get(0);
      assertThat(init.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(init.getSecurityContext().getAllowPrivilegeEscalation()).isTrue();
      assertThat(init.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
    }

    @Test
    void mergeOfSeveralMappingsTakesTheFirstThatHasAKey() {
      String yaml =
          """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: merged
          x-defaults:
            a: &a {one: from-a, two: from-a}
            b: &b {two: from-b, three: from-b}
          data:
            <<: [*a, *b]
            three: own
          """;

      ManifestReader.Result result = read("merge.yaml", yaml);

      assertThat(result.problems()).isEmpty();
      assertThat(result.objects().get(0).as(ConfigMap.class).getData())
          .containsEntry("one", "from-a")
          .containsEntry("two", "from-a")
          .containsEntry("three", "own");
    }

    @Test
    void anchorsAreSharedByTheItemsOfAList() {
      String yaml =
          """
          apiVersion: v1
          kind: List
          items:
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: first, labels: &common {team: payments}}
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: second, labels: *common}
          """;

      ManifestReader.Result result = read("list-anchors.yaml", yaml);

      assertThat(result.problems()).isEmpty();
      assertThat(result.objects().get(1).labels()).containsEntry("team", "payments");
    }
  }

  private static byte[] concat(byte[] prefix, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(body, 0, all, prefix.length, body.length);
    return all;
  }
}
