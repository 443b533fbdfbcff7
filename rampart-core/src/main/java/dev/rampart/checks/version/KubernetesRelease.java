package dev.rampart.checks.version;

import java.time.LocalDate;

/**
 * One minor release line of Kubernetes and the day it stops receiving fixes.
 *
 * @param minor {@code major.minor}, e.g. {@code 1.29}
 * @param endOfLife the end of maintenance support (the upstream "End of Life" date)
 * @param finalPatch the last patch release of the line when it is over, else null
 */
public record KubernetesRelease(Version minor, LocalDate endOfLife, Version finalPatch) {

  public boolean isEndOfLife(LocalDate day) {
    return !day.isBefore(endOfLife);
  }
}
