package dev.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A heap too small for the input ends with a clear message and exit code 3, not a stack trace. */
class OutOfMemoryTest {

  @Test
  void aHeapTooSmallIsAnInputErrorThatSaysHowToGrowIt() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx12m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "scan",
                "--demo")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.PIPE)
            .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(err).isEqualTo(3);
    assertThat(err)
        .startsWith("rampart: error: out of memory (maximum heap ")
        .contains("RAMPART_JAVA_OPTS=-Xmx")
        .doesNotContain("\tat ");
  }
}
