package dev.rampart.source.file;

import static dev.rampart.source.file.Manifests.assertReadable;
import static dev.rampart.source.file.Manifests.lineOf;
import static dev.rampart.source.file.Manifests.names;
import static dev.rampart.source.file.Manifests.onlyProblem;
import static dev.rampart.source.file.Manifests.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.rampart.snapshot.InputProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Broken, hostile and unexpected input: each gives one clear problem at the right file, line and
 * document, and every other document of the file is still read.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BadInputTest {

  private static String configMap(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n";
  }

  /** {@code before}, then {@code middle} as the second document, then {@code after}. */
  private static String between(String middle) {
    return configMap("before") + "---\n" + middle + "---\n" + configMap("after");
  }

  private static InputProblem assertOnlyError(ManifestReader.Result result) {
    InputProblem problem = onlyProblem(result);
    assertThat(problem.isError()).as(problem.describe()).isTrue();
    assertReadable(problem);
    return problem;
  }

  @Nested
  class Malformed {

    @Test
    void malformedYamlInTheMiddleOfAMultiDocumentFile() {
      String broken =
          """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: broken
            labels: {app: web
          settings:
            key: value
          """;
      String yaml = between(broken);

      ManifestReader.Result result = read("multi.yaml", yaml);

      assertThat(names(result)).containsExactly("before", "after");
      InputProblem problem = assertOnlyError(result);
      assertThat(problem.file()).isEqualTo("multi.yaml");
      assertThat(problem.document()).isEqualTo(2);
      assertThat(problem.line()).isEqualTo(lineOf(yaml, "settings:"));
      assertThat(problem.message())
          .startsWith("malformed YAML: ")
          .contains("flow mapping")
          .contains("(opened at line " + lineOf(yaml, "labels: {app: web") + ")");
    }

    @Test
    void badIndentationIsReportedAtItsLine() {
      String yaml =
          between(
              """
              apiVersion: v1
              kind: ConfigMap
              metadata:
                name: indented
                 labels: {}
              """);

      ManifestReader.Result result = read("indent.yaml", yaml);

      assertThat(names(result)).containsExactly("before", "after");
      InputProblem problem = assertOnlyError(result);
      assertThat(problem.line()).isEqualTo(lineOf(yaml, "labels: {}"));
      assertThat(problem.document()).isEqualTo(2);
    }

    @Test
    void tabsUsedForIndentation() {
      String yaml = between("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: tabs\n");

      ManifestReader.Result result = read("tabs.yaml", yaml);

      assertThat(names(result)).containsExactly("before", "after");
      InputProblem problem = assertOnlyError(result);
      assertThat(problem.line()).isEqualTo(lineOf(yaml, "\tname: tabs"));
      assertThat(problem.message()).contains("TAB");
    }

    @Test
    void malformedJson() {
      String json =
          """
          {
            "apiVersion": "v1",
            "kind": "ConfigMap",
            "metadata": {"name": "broken"},
            "data": {"key": "value",}
          }
          """;

      ManifestReader.Result result = read("broken.json", json);

      InputProblem problem = assertOnlyError(result);
      assertThat(problem.line()).isEqualTo(lineOf(json, "\"data\""));
      assertThat(problem.document()).isEqualTo(1);
    }

    @Test
    void unknownAlias() {
      String yaml = between("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: *elsewhere\n");

      ManifestReader.Result result = read("alias.yaml", yaml);

      assertThat(names(result)).containsExactly("before", "after");
      InputProblem problem = assertOnlyError(result);
      assertThat(problem.message()).contains("unknown alias *elsewhere");
      assertThat(problem.line()).isEqualTo(lineOf(yaml, "*elsewhere"));
    }

    @Test
    void errorInAListItemKeepsTheItemsBefore() {
      String yaml =
          """
          apiVersion: v1
          kind: List
          items:
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: read}
          - apiVersion: v1
            kind: ConfigMap
            metadata: {name: [broken}
          """;

      ManifestReader.Result result = read("list.yaml", yaml);

      assertThat(names(result)).containsExactly("read");
      InputProblem problem = assertOnlyError(result);
      assertThat(problem.line()).isEqualTo(lineOf(yaml, "[broken"));
      assertThat(problem.message()).endsWith("; the rest of the document is skipped");
    }
  }

  @Nested
  class Hostile {

    @Test
    void billionLaughsIsRefusedBeforeAnythingExpandsIt() {
      StringBuilder yaml = new StringBuilder(configMap("before")).append("---\n");
      yaml.append("apiVersion: example.com/v1\nkind: Laugh\nmetadata:\n  name: bomb\n");
      yaml.append(
          "spec:\n  l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
      for (int i = 1; i <= 9; i++) {
        String previous = "*l" + (i - 1);
        yaml.append("  l").append(i).append(": &l").append(i).append(" [");
        yaml.append(String.join(", ", Collections.nCopies(9, previous))).append("]\n");
      }
      yaml.append("---\n").append(configMap("after"));
      String text = yaml.toString();

      ManifestReader.Result result = read("lol.yaml", text);

      assertThat(names(result)).containsExactly("before", "after");
      InputProblem problem = assertOnlyError(result);
      assertThat(problem.message()).contains("aliases expand to more than");
      assertThat(problem.document()).isEqualTo(2);
      assertThat(problem.line()).isBetween(lineOf(text, "  l5:"), lineOf(text, "  l9:"));
    }

    @Test
    void aFewAliasesToLargeAnchorsAreBoundedToo() {
      // 2^25 values from only 50 aliases: counting aliases alone would not catch it.
      StringBuilder yaml = new StringBuilder("apiVersion: example.com/v1\nkind: Laugh\n");
      yaml.append("metadata:\n  name: doubling\nspec:\n  a0: &a0 [x, x]\n");
      for (int i = 1; i <= 25; i++) {
        yaml.append("  a").append(i).append(": &a").append(i);
        yaml.append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
      }

      ManifestReader.Result result = read("doubling.yaml", yaml.toString());

      assertThat(assertOnlyError(result).message()).contains("aliases expand to more than");
    }

    private static final int DEPTH = 10_000;

    @Test
    void nestingTenThousandDeepInFlowYaml() {
      String yaml =
          between(
              configMap("deep") + "data:\n  deep: " + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "\n");

      ManifestReader.Result result = read("deep.yaml", yaml);

      assertNestedTooDeeply(result, lineOf(yaml, "deep: [[["));
      assertThat(names(result)).containsExactly("before", "after");
    }

    @Test
    void nestingTenThousandDeepInBlockYaml() {
      String yaml =
          between(configMap("deep") + "data:\n  deep:\n  - " + "- ".repeat(DEPTH) + "x\n");

      ManifestReader.Result result = read("deep.yaml", yaml);

      assertNestedTooDeeply(result, lineOf(yaml, "- - - -"));
      assertThat(names(result)).containsExactly("before", "after");
    }

    @Test
    void nestingTenThousandDeepInJson() {
      String json =
          "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\",\n\"metadata\": {\"name\": \"deep\"},\n"
              + "\"data\": "
              + "[".repeat(DEPTH)
              + "]".repeat(DEPTH)
              + "}\n";

      assertNestedTooDeeply(read("deep.json", json), 3);
    }

    private static void assertNestedTooDeeply(ManifestReader.Result result, int line) {
      InputProblem problem = assertOnlyError(result);
      assertThat(problem.message()).startsWith("nested too deeply");
      assertThat(problem.line()).isEqualTo(line);
    }

    @Test
    void randomBytesAreABinaryFile() {
      byte[] bytes = new byte[100_000];
      new Random(42).nextBytes(bytes);
      bytes[100] = 0;

      InputProblem problem = assertOnlyError(read("image.yaml", bytes));

      assertThat(problem.message()).startsWith("binary file");
      assertThat(problem.line()).isZero();
    }

    @Test
    void gzipFile() throws IOException {
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
        out.write(configMap("zipped").getBytes(StandardCharsets.UTF_8));
      }

      InputProblem problem = assertOnlyError(read("manifests.yaml", gz.toByteArray()));

      assertThat(problem.message()).contains("gzip");
    }

    @Test
    void invalidUtf8IsReportedAtItsLineAndOnlyItsDocumentIsLost() {
      String text = between(configMap("latin1") + "data:\n  greeting: Grüße\n");
      byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);

      ManifestReader.Result result = read("latin1.yaml", latin1);

      assertThat(names(result)).containsExactly("before", "after");
      InputProblem problem = assertOnlyError(result);
      assertThat(problem.message()).contains("not valid UTF-8");
      assertThat(problem.line()).isEqualTo(lineOf(text, "greeting"));
      assertThat(problem.document()).isEqualTo(2);
    }

    @Test
    void truncatedUtf8AtTheEnd() {
      byte[] text = (configMap("cut") + "data:\n  snowman: ☃").getBytes(StandardCharsets.UTF_8);
      byte[] cut = Arrays.copyOf(text, text.length - 1);

      InputProblem problem = assertOnlyError(read("cut.yaml", cut));

      assertThat(problem.message()).contains("not valid UTF-8");
      assertThat(problem.line()).isEqualTo(6);
    }

    @Test
    void controlCharacterAfterTheFirstBytes() {
      // Past the part examined for binary content, a NUL is still refused at its line.
      String yaml =
          between(
              configMap("padded")
                  + "data:\n  pad: \""
                  + "x".repeat(10_000)
                  + "\"\n  bad: \"a\u0000b\"\n");

      ManifestReader.Result result = read("nul.yaml", yaml);

      assertThat(names(result)).containsExactly("before", "after");
      InputProblem problem = assertOnlyError(result);
      assertThat(problem.message()).contains("U+0000");
      assertThat(problem.line()).isEqualTo(lineOf(yaml, "bad:"));
    }
  }

  @Nested
  class NotKubernetes {

    @ParameterizedTest
    @ValueSource(
        strings = {"", "\n\n   \n", "# only a comment\n# and another\n", "---\n", "---\n...\n"})
    void emptyFilesAreAWarning(String text) {
      InputProblem problem = onlyProblem(read("empty.yaml", text));

      assertThat(problem.isError()).isFalse();
      assertThat(problem.message()).contains("no Kubernetes objects");
    }

    @Test
    void helmValuesFile() {
      String values =
          """
          replicaCount: 1
          image:
            repository: nginx
            tag: ""
          service:
            type: ClusterIP
            port: 80
          """;

      InputProblem problem = onlyProblem(read("values.yaml", values));

      assertThat(problem.isError()).isFalse();
      assertThat(problem.message()).contains("not a Kubernetes object").contains("no kind");
      assertThat(problem.line()).isEqualTo(1);
    }

    @Test
    void scalarAndSequenceDocumentsAndObjectsWithoutKind() {
      String yaml =
          configMap("first")
              + "---\njust some text\n"
              + "---\n- a\n- b\n"
              + "---\napiVersion: v1\nmetadata:\n  name: kindless\n"
              + "---\n"
              + configMap("last");

      ManifestReader.Result result = read("mixed.yaml", yaml);

      assertThat(names(result)).containsExactly("first", "last");
      assertThat(result.problems())
          .allSatisfy(p -> assertThat(p.isError()).isFalse())
          .extracting(InputProblem::document, InputProblem::line, InputProblem::message)
          .containsExactly(
              tuple(
                  2,
                  6,
                  "not a Kubernetes object (the document is a scalar, not a mapping); skipped"),
              tuple(
                  3, 8, "not a Kubernetes object (the document is a list, not a mapping); skipped"),
              tuple(4, 11, "not a Kubernetes object (it has no kind); skipped"));
    }
  }

  @Nested
  class InvalidObjects {

    @Test
    void duplicateKeyAtTheTopLevel() {
      String yaml = between(configMap("dup") + "data:\n  a: 1\nkind: Secret\n");

      ManifestReader.Result result = read("dup.yaml", yaml);

      assertThat(names(result)).containsExactly("before", "after");
      InputProblem problem = assertOnlyError(result);
      assertThat(problem.message()).contains("duplicate key 'kind'");
      assertThat(problem.line()).isEqualTo(lineOf(yaml, "kind: Secret"));
      assertThat(problem.document()).isEqualTo(2);
    }

    @Test
    void duplicateKeyNested() {
      String yaml =
          """
          apiVersion: v1
          kind: Pod
          metadata:
            name: dup
          spec:
            containers:
            - name: app
              image: app:1
              securityContext:
                privileged: false
                runAsUser: 1000
                privileged: true
          """;

      InputProblem problem = assertOnlyError(read("dup.yaml", yaml));

      assertThat(problem.message()).contains("duplicate key 'privileged'");
      assertThat(problem.line()).isEqualTo(lineOf(yaml, "privileged: true"));
    }

    @Test
    void duplicateKeyInJson() {
      String json =
          "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\",\n \"metadata\": {\"name\": \"a\", \"name\": \"b\"}}\n";

      InputProblem problem = assertOnlyError(read("dup.json", json));

      assertThat(problem.message()).contains("duplicate key 'name'");
      assertThat(problem.line()).isEqualTo(2);
    }

    @Test
    void objectWithoutName() {
      String yaml = between("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: prod\n");

      ManifestReader.Result result = read("noname.yaml", yaml);

      assertThat(names(result)).containsExactly("before", "after");
      InputProblem problem = assertOnlyError(result);
      assertThat(problem.message()).isEqualTo("ConfigMap has no metadata.name; skipped");
      assertThat(problem.line()).isEqualTo(lineOf(yaml, "namespace: prod") - 1);
    }

    @Test
    void generateNameIsAName() {
      String yaml =
          "apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: migrate-\nspec:\n  template:\n    spec:\n      containers: [{name: m, image: m:1}]\n";

      ManifestReader.Result result = read("job.yaml", yaml);

      assertThat(result.problems()).isEmpty();
      assertThat(names(result)).containsExactly("migrate-");
    }

    @Test
    void kindWithoutApiVersion() {
      InputProblem problem =
          assertOnlyError(read("noversion.yaml", "kind: ConfigMap\nmetadata:\n  name: x\n"));

      assertThat(problem.message()).isEqualTo("ConfigMap has no apiVersion; skipped");
    }

    @Test
    void nameOfTheWrongType() {
      InputProblem problem =
          assertOnlyError(
              read("n.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: 42\n"));

      assertThat(problem.message())
          .isEqualTo("ConfigMap: field metadata.name: expected a string, got a number; skipped");
      assertThat(problem.line()).isEqualTo(4);
    }

    @Test
    void fieldOfTheWrongTypeIsNamedByItsPath() {
      String yaml =
          between(
              """
              apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: web
              spec:
                template:
                  spec:
                    containers: "x"
              """);

      ManifestReader.Result result = read("deploy.yaml", yaml);

      assertThat(names(result)).containsExactly("before", "after");
      InputProblem problem = assertOnlyError(result);
      assertThat(problem.message())
          .isEqualTo(
              "Deployment web: field spec.template.spec.containers: expected a list, got a string;"
                  + " skipped");
      assertThat(problem.line()).isEqualTo(lineOf(yaml, "containers: \"x\""));
      assertThat(problem.document()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "replicas: many|field spec.replicas: expected an integer, got a string",
          "template: {spec: {hostNetwork: maybe}}|field spec.template.spec.hostNetwork: expected true or false, got a string",
          "template: {spec: {containers: [{name: a, securityContext: privileged}]}}|field spec.template.spec.containers[0].securityContext: expected a mapping, got a string",
          "template: {spec: {containers: [{name: a, ports: [{containerPort: 99999999999}]}]}}|field spec.template.spec.containers[0].ports[0].containerPort: expected a 32-bit integer, got a number",
          "template: {spec: {containers: [{name: a, resources: {limits: {cpu: [1]}}}]}}|field spec.template.spec.containers[0].resources.limits.cpu: expected a quantity such as 500m or 1Gi, got a list",
          "template: {spec: {containers: [{name: a, securityContext: {capabilities: {add: NET_ADMIN}}}]}}|field spec.template.spec.containers[0].securityContext.capabilities.add: expected a list, got a string",
          "selector: {matchLabels: [app]}|field spec.selector.matchLabels: expected a mapping, got a list",
        })
    void fieldTypeMessages(String caseText) {
      String[] parts = caseText.split("\\|");
      String yaml =
          "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  "
              + parts[0]
              + "\n";

      InputProblem problem = assertOnlyError(read("deploy.yaml", yaml));

      assertThat(problem.message()).isEqualTo("Deployment web: " + parts[1] + "; skipped");
      assertThat(problem.line()).isEqualTo(6);
    }

    @Test
    void fieldErrorInAListItemPointsAtTheField() {
      String yaml =
          """
          apiVersion: v1
          kind: List
          items:
          - apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: app
                image: app:1
                ports:
                - containerPort: http
          """;

      InputProblem problem = assertOnlyError(read("list.yaml", yaml));

      assertThat(problem.message())
          .isEqualTo(
              "items[0]: Pod web: field spec.containers[0].ports[0].containerPort: expected an"
                  + " integer, got a string; skipped");
      assertThat(problem.line()).isEqualTo(lineOf(yaml, "containerPort: http"));
    }

    @Test
    void objectLargerThanTheLimit() {
      ManifestReader reader = new ManifestReader(new ParseLimits(1024 * 1024, 200, 1_000_000));
      String yaml =
          between(configMap("big") + "data:\n  blob: " + "x".repeat(2 * 1024 * 1024) + "\n");

      ManifestReader.Result result =
          reader.read("big.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));

      assertThat(names(result)).containsExactly("before", "after");
      InputProblem problem = assertOnlyError(result);
      assertThat(problem.message()).startsWith("object larger than 1 MiB");
      assertThat(problem.line()).isEqualTo(6);
      assertThat(problem.document()).isEqualTo(2);
    }
  }

  @Nested
  class FileSystem {

    @TempDir Path dir;

    private Path locked;

    @AfterEach
    void unlock() throws IOException {
      if (locked != null) {
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
      }
    }

    @Test
    void missingPath() {
      String missing = dir.resolve("nope.yaml").toString();

      ManifestReader.Result result = Manifests.READER.read(List.of(missing), null);

      InputProblem problem = assertOnlyError(result);
      assertThat(problem.file()).isEqualTo(missing);
      assertThat(problem.message()).isEqualTo("no such file or directory");
    }

    @Test
    void unreadableFile() throws IOException {
      Path file = Files.writeString(dir.resolve("secret.yaml"), configMap("x"));
      lock(file);

      ManifestReader.Result result = Manifests.READER.read(List.of(file.toString()), null);

      InputProblem problem = assertOnlyError(result);
      assertThat(problem.file()).isEqualTo(file.toString());
      assertThat(problem.message()).contains("permission denied");
    }

    @Test
    void unreadableSubdirectory() throws IOException {
      Files.writeString(dir.resolve("a.yaml"), configMap("a"));
      Path sub = Files.createDirectory(dir.resolve("private"));
      Files.writeString(sub.resolve("b.yaml"), configMap("b"));
      Files.writeString(dir.resolve("z.yaml"), configMap("z"));
      lock(sub);

      ManifestReader.Result result = Manifests.READER.read(List.of(dir.toString()), null);

      assertThat(names(result)).containsExactly("a", "z");
      InputProblem problem = assertOnlyError(result);
      assertThat(problem.file()).isEqualTo(sub.toString());
      assertThat(problem.message()).contains("permission denied");
    }

    /** Takes all permissions away; skips the test where that does not stop reading (root). */
    private void lock(Path path) throws IOException {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("---------"));
      locked = path;
      boolean stillReadable =
          Files.isDirectory(path)
              ? Files.isExecutable(path) && Files.isReadable(path)
              : Files.isReadable(path);
      assumeThat(stillReadable).as("permissions do not apply (running as root?)").isFalse();
    }
  }
}
