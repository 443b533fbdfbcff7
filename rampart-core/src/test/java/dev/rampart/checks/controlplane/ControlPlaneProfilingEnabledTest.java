package dev.rampart.checks.controlplane;

import static dev.rampart.checks.controlplane.ControlPlaneFixtures.apiServer;
import static dev.rampart.checks.controlplane.ControlPlaneFixtures.controllerManager;
import static dev.rampart.checks.controlplane.ControlPlaneFixtures.scheduler;
import static dev.rampart.checks.controlplane.ControlPlaneFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.CheckTester;
import dev.rampart.checks.Finding;
import org.junit.jupiter.api.Test;

class ControlPlaneProfilingEnabledTest {

  private static final String ID = "control-plane-profiling-enabled";

  @Test
  void flagsEachComponentThatProfilesExplicitlyOrByDefault() {
    CheckTester.run(
            new ControlPlaneProfilingEnabled(),
            yaml(
                apiServer("api-profiling", ID, "--profiling=true"),
                controllerManager("cm-default", ID, "!profiling"),
                scheduler("sched-bare-flag", ID, "--profiling"),
                scheduler("sched-hardened", null)))
        .assertExpectations();
  }

  @Test
  void pointsAtTheFlagWhereItIsOrWouldBeWritten() {
    Finding f =
        CheckTester.run(
                new ControlPlaneProfilingEnabled(), controllerManager("cm", ID, "!profiling"))
            .findings()
            .get(0);
    assertThat(f.evidence().path()).isEqualTo("spec.containers[0].command[--profiling]");
    assertThat(f.evidence().value()).isEqualTo("--profiling not set (default true)");
    assertThat(f.message())
        .isEqualTo(
            "kube-controller-manager (cm) serves /debug/pprof: --profiling is not set and defaults"
                + " to true");
    assertThat(f.resource().container()).isEqualTo("kube-controller-manager");
  }

  @Test
  void aComponentMissingFromTheInputIsNotEvaluatedWithTheReason() {
    CheckTester t = CheckTester.run(new ControlPlaneProfilingEnabled(), apiServer("api", null));
    assertThat(t.tally().passed()).isEqualTo(1);
    assertThat(t.tally().notEvaluated())
        .singleElement()
        .asString()
        .startsWith("no kube-controller-manager or kube-scheduler pod in kube-system");
  }
}
