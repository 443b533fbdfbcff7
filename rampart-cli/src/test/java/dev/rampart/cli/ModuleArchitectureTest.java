package dev.rampart.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers above the core (DESIGN section 11): {@code cli} → {@code server} → {@code store} →
 * {@code report} and the rest of the core, which knows nothing of them. Run here, where every
 * module is on the class path; the core's own ArchitectureTest orders the layers below.
 */
class ModuleArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.rampart");

  private static final String[] CORE = {
    "dev.rampart.report..",
    "dev.rampart.scan..",
    "dev.rampart.risk..",
    "dev.rampart.graph..",
    "dev.rampart.config..",
    "dev.rampart.data..",
    "dev.rampart.checks..",
    "dev.rampart.network..",
    "dev.rampart.rbac..",
    "dev.rampart.source..",
    "dev.rampart.snapshot.."
  };

  @Test
  void serverAndStoreSitAboveTheReport() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Cli")
        .definedBy("dev.rampart.cli..")
        .layer("Server")
        .definedBy("dev.rampart.server..")
        .layer("Store")
        .definedBy("dev.rampart.store..")
        .layer("Core")
        .definedBy(CORE)
        .whereLayer("Cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Server")
        .mayOnlyBeAccessedByLayers("Cli")
        .whereLayer("Store")
        .mayOnlyBeAccessedByLayers("Server", "Cli")
        .whereLayer("Core")
        .mayOnlyBeAccessedByLayers("Store", "Server", "Cli")
        .check(CLASSES);
  }

  @Test
  void theStoreKnowsNoWebServer() {
    noClasses()
        .that()
        .resideInAPackage("dev.rampart.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..")
        .because("the store serves the CLI's --baseline as much as the REST API")
        .check(CLASSES);
  }

  @Test
  void onlyTheStoreTalksToTheDatabase() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.rampart.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "org.flywaydb..", "com.zaxxer.hikari..", "org.h2..")
        .check(CLASSES);
  }
}
