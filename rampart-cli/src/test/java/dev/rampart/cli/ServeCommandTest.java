package dev.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code rampart serve} refuses what it must refuse before it binds anything. */
class ServeCommandTest {

  @Test
  void aScheduleNeedsAPositiveDuration() {
    Cli r = Cli.run("serve", "--demo", "--every", "0s", "--port", "0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--every: 0s is not a positive duration");
  }

  @Test
  void noScanAndAScheduleContradictEachOther() {
    Cli r = Cli.run("serve", "--no-scan", "--every", "1h", "--port", "0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("contradict");
  }

  @Test
  void aBadPortIsAUsageError() {
    Cli r = Cli.run("serve", "--no-scan", "--port", "70000");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("port");
  }

  @Test
  void anUnreachableDatabaseIsAnInputError() {
    Cli r = Cli.run("serve", "--no-scan", "--port", "0", "--db", "jdbc:mysql://nowhere/x");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("unsupported database URL");
  }

  @Test
  void aPasswordInTheDatabaseUrlIsNeverPrinted() {
    Cli r =
        Cli.run(
            "serve",
            "--no-scan",
            "--port",
            "0",
            "--db",
            "jdbc:postgresql://127.0.0.1:1/x?user=u&password=hunter2&connectTimeout=1");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).doesNotContain("hunter2").contains("password=***");
  }
}
