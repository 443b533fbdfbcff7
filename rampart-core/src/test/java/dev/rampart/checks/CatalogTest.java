package dev.rampart.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalog's meta-test: every check is registered and has complete metadata, a test of its own
 * and up-to-date documentation. Regenerate the documentation with {@code mvn -pl rampart-core test
 * -Dtest=CatalogTest -Dupdate.docs=true}.
 */
class CatalogTest {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern FRAMEWORK =
      Pattern.compile(
          "pss:(baseline|restricted)/[a-z0-9-]+"
              + "|cis-k8s-1\\.9:[0-9]+(\\.[0-9]+)*"
              + "|nsa-cisa:[a-z0-9-]+"
              + "|mitre:t[0-9]{4}(\\.[0-9]{3})?");
  private static final Path DOCS = Path.of("..", "docs", "checks.md");

  private final List<Check> checks = BuiltInChecks.all();

  @Test
  void everyCheckClassIsRegistered() {
    Set<String> registered =
        checks.stream().map(c -> c.getClass().getName()).collect(Collectors.toSet());
    Set<String> annotated =
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.rampart.checks")
                .stream()
                .filter(c -> c.isAnnotatedWith(CheckInfo.class))
                .map(JavaClass::getName)
                .collect(Collectors.toSet());
    assertThat(registered).containsExactlyInAnyOrderElementsOf(annotated);
  }

  @Test
  void everyCheckHasCompleteMetadata() {
    Set<String> ids = new HashSet<>();
    for (Check check : checks) {
      CheckDescriptor d = check.descriptor();
      String name = check.getClass().getSimpleName() + " (" + d.id() + ")";
      assertThat(d.id()).as(name + " id").matches(ID);
      assertThat(ids.add(d.id())).as(name + " id is unique").isTrue();
      assertThat(d.title()).as(name + " title").isNotBlank().doesNotEndWith(".");
      assertThat(Character.isUpperCase(d.title().charAt(0))).as(name + " title capital").isTrue();
      assertThat(d.severity()).as(name + " severity").isNotNull();
      assertThat(d.category()).as(name + " category").isNotNull();
      assertThat(d.frameworks()).as(name + " frameworks").isNotEmpty();
      d.frameworks().forEach(f -> assertThat(f).as(name + " framework").matches(FRAMEWORK));
      assertThat(d.why()).as(name + " why").hasSizeGreaterThan(40);
      assertThat(d.remediation()).as(name + " remediation").hasSizeGreaterThan(20);
    }
  }

  @Test
  void everyCheckHasATestOfItsOwn() {
    for (Check check : checks) {
      String test = check.getClass().getName() + "Test";
      try {
        Class.forName(test);
      } catch (ClassNotFoundException e) {
        fail(check.descriptor().id() + " has no test class " + test);
      }
    }
  }

  @Test
  void documentationIsGeneratedFromTheMetadata() throws IOException {
    String expected = CatalogDocs.markdown(checks.stream().map(Check::descriptor).toList());
    if (Boolean.getBoolean("update.docs")) {
      Files.createDirectories(DOCS.getParent());
      Files.writeString(DOCS, expected);
    }
    assertThat(DOCS).as("docs/checks.md exists").exists();
    assertThat(Files.readString(DOCS))
        .as("docs/checks.md is stale: regenerate with -Dtest=CatalogTest -Dupdate.docs=true")
        .isEqualTo(expected);
  }
}
