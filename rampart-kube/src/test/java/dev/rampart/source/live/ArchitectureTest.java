package dev.rampart.source.live;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** With the Kubernetes client on the class path, still only sources talk to a cluster. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.rampart");

  @Test
  void onlySourcesUseTheKubernetesClient() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.rampart.source..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.fabric8.kubernetes.client..")
        .check(CLASSES);
  }

  @Test
  void theLiveSourceBuildsOnTheSnapshotAlone() {
    noClasses()
        .that()
        .resideInAPackage("dev.rampart.source.live..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.rampart.checks..",
            "dev.rampart.rbac..",
            "dev.rampart.network..",
            "dev.rampart.risk..",
            "dev.rampart.scan..",
            "dev.rampart.report..",
            "dev.rampart.config..")
        .because("a source produces a snapshot; the analyses read it (DESIGN section 3)")
        .check(CLASSES);
  }
}
