package dev.rampart.source.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rampart.checks.BuiltInChecks;
import dev.rampart.checks.Check;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every kind a check declares it reads is one the live source reads: a kind misspelt in {@code
 * requires()}, or a check reading a kind the live source forgot, fails here.
 */
class ReadsWhatChecksNeedTest {

  @Test
  void everyKindAnyCheckReadsIsRead() {
    Set<String> read = new HashSet<>();
    ResourceType.BUILT_IN.forEach(t -> read.add(t.kind()));
    ResourceType.OPTIONAL.forEach(k -> read.add(k.substring(k.indexOf('/') + 1)));
    read.add(Kubelets.KIND);

    for (Check check : BuiltInChecks.all()) {
      if (!check.requires().equals(Check.EVERY_KIND)) {
        assertThat(read).as(check.descriptor().id()).containsAll(check.requires());
      }
    }
  }
}
