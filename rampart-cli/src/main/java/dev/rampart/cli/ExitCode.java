package dev.rampart.cli;

/** The exit codes of every command (DESIGN section 6): a contract CI pipelines rely on. */
public enum ExitCode {
  /** Nothing at or above {@code --fail-on}. */
  OK(0),
  /** Findings at or above {@code --fail-on}. */
  FINDINGS(1),
  /** The command line or the configuration is wrong. */
  USAGE(2),
  /**
   * An input could not be read or parsed; the rest was still scanned and reported. Wins over {@link
   * #FINDINGS}: a gate that did not see all of its input has not passed.
   */
  INPUT_ERROR(3),
  /**
   * With {@code --require-coverage}: a check could not be evaluated (a permission missing, a kind
   * the cluster does not serve, a setting not configured). Wins over {@link #FINDINGS}, yields to
   * {@link #INPUT_ERROR}.
   */
  COVERAGE_INCOMPLETE(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
