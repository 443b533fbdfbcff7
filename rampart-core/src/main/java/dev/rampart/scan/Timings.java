package dev.rampart.scan;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Wall time per stage of a scan, for {@code rampart scan --timings} and the bench script. Each lap
 * charges the time since the previous lap to the stage named, so the stages add up to the whole.
 * Not thread-safe: laps are taken by the thread that drives the scan.
 */
public final class Timings {

  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private final Map<String, Long> cpuNanos = new LinkedHashMap<>();
  private long last = System.nanoTime();
  private long lastCpu = processCpu();

  /** Starts the clock of the next stage now (what happened since the last lap is not charged). */
  public void restart() {
    last = System.nanoTime();
    lastCpu = processCpu();
  }

  /** Charges the time since the last lap to {@code stage}. */
  public void lap(String stage) {
    long now = System.nanoTime();
    long cpu = processCpu();
    nanos.merge(stage, now - last, Long::sum);
    cpuNanos.merge(stage, cpu - lastCpu, Long::sum);
    last = now;
    lastCpu = cpu;
  }

  /**
   * CPU time of the whole process (every thread, the JIT and GC included), in nanoseconds: on a
   * shared machine wall time swings with the neighbours' load, CPU time much less.
   */
  private static long processCpu() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  /** CPU milliseconds per stage (all threads of the process). */
  public Map<String, Long> cpuMillis() {
    Map<String, Long> result = new LinkedHashMap<>();
    cpuNanos.forEach((stage, n) -> result.put(stage, n / 1_000_000));
    return result;
  }

  /** Milliseconds per stage, in the order the stages first ran. */
  public Map<String, Long> millis() {
    Map<String, Long> result = new LinkedHashMap<>();
    nanos.forEach((stage, n) -> result.put(stage, n / 1_000_000));
    return result;
  }

  /** {@code parse=1200ms/1900cpu checks=800ms/1500cpu ...}: one line, easy to grep. */
  @Override
  public String toString() {
    StringJoiner line = new StringJoiner(" ");
    Map<String, Long> cpu = cpuMillis();
    millis()
        .forEach(
            (stage, ms) ->
                line.add(String.format(Locale.ROOT, "%s=%dms/%dcpu", stage, ms, cpu.get(stage))));
    return line.toString();
  }
}
