package dev.rampart.checks.controlplane;

import static dev.rampart.checks.controlplane.ControlPlaneFixtures.controllerManager;
import static dev.rampart.checks.controlplane.ControlPlaneFixtures.scheduler;
import static dev.rampart.checks.controlplane.ControlPlaneFixtures.yaml;

import dev.rampart.checks.CheckTester;
import org.junit.jupiter.api.Test;

class ControlPlaneBindAddressTest {

  private static final String ID = "control-plane-bind-address";

  @Test
  void flagsAllInterfacesWrittenOrDefaultedAndPassesLoopback() {
    CheckTester.run(
            new ControlPlaneBindAddress(),
            yaml(
                scheduler("sched-all", ID, "--bind-address=0.0.0.0"),
                controllerManager("cm-default", ID, "!bind-address"),
                controllerManager("cm-node-ip", ID, "--bind-address=10.0.0.10"),
                scheduler("sched-ipv6-loopback", null, "--bind-address=::1"),
                scheduler("sched-hardened", null),
                controllerManager("cm-hardened", null)))
        .assertExpectations();
  }
}
