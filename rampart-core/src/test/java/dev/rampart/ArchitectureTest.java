package dev.rampart;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way (DESIGN section 11); only sources talk to a cluster. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.rampart");

  @Test
  void layersDependOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("Report")
        .definedBy("dev.rampart.report..")
        .layer("Scan")
        .definedBy("dev.rampart.scan..")
        .layer("Risk")
        .definedBy("dev.rampart.risk..")
        .layer("Graph")
        .definedBy("dev.rampart.graph..")
        .layer("Config")
        .definedBy("dev.rampart.config..")
        .layer("Data")
        .definedBy("dev.rampart.data..")
        .layer("Analysis")
        .definedBy("dev.rampart.checks..", "dev.rampart.network..", "dev.rampart.rbac..")
        .layer("Source")
        .definedBy("dev.rampart.source..")
        .layer("Snapshot")
        .definedBy("dev.rampart.snapshot..")
        .whereLayer("Report")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Scan")
        .mayOnlyBeAccessedByLayers("Report")
        .whereLayer("Risk")
        .mayOnlyBeAccessedByLayers("Scan", "Report")
        .whereLayer("Graph")
        .mayOnlyBeAccessedByLayers("Risk", "Scan", "Report")
        .whereLayer("Config")
        .mayOnlyBeAccessedByLayers("Graph", "Risk", "Scan", "Report")
        .whereLayer("Data")
        .mayOnlyBeAccessedByLayers("Scan", "Report")
        .whereLayer("Analysis")
        .mayOnlyBeAccessedByLayers("Config", "Data", "Graph", "Risk", "Scan", "Report")
        .whereLayer("Source")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Snapshot")
        .mayOnlyBeAccessedByLayers(
            "Source", "Analysis", "Config", "Graph", "Risk", "Scan", "Report")
        .check(CLASSES);
  }

  @Test
  void theRbacEngineStandsOnTheSnapshotAlone() {
    noClasses()
        .that()
        .resideInAPackage("dev.rampart.rbac..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.rampart.checks..",
            "dev.rampart.scan..",
            "dev.rampart.report..",
            "dev.rampart.risk..",
            "dev.rampart.config..")
        .because("checks, risk and the graph build on the RBAC engine, not the other way round")
        .check(CLASSES);
  }

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
  void analysisNeverReadsFilesOrTheNetwork() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.rampart.checks..",
            "dev.rampart.network..",
            "dev.rampart.rbac..",
            "dev.rampart.risk..",
            "dev.rampart.snapshot..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.nio.file..", "java.net..", "java.io..")
        .because("checks are pure functions of the snapshot; I/O happens at the edges")
        .check(CLASSES);
  }
}
