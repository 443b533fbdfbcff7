package dev.rampart.source.live;

import java.time.Duration;

/**
 * When a failed request is tried again, and after how long: on 429 (the server is throttling) and
 * on server errors, timeouts and broken connections, with exponential backoff. A {@code
 * Retry-After} from the server is honoured, up to {@link #maxRetryAfter} so that a confused server
 * cannot stall a scan for an hour.
 *
 * @param retries how many times to retry after the first attempt
 * @param initialDelay the wait before the first retry; doubled for each next one
 * @param maxDelay the longest backoff
 * @param maxRetryAfter the longest wait a {@code Retry-After} header may ask for
 * @param sleeper how to wait (tests record instead of sleeping)
 */
public record RetryPolicy(
    int retries,
    Duration initialDelay,
    Duration maxDelay,
    Duration maxRetryAfter,
    Sleeper sleeper) {

  /** Waits; {@link Thread#sleep} unless a test says otherwise. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(
          5,
          Duration.ofMillis(250),
          Duration.ofSeconds(8),
          Duration.ofSeconds(60),
          d -> Thread.sleep(d.toMillis()));

  public RetryPolicy {
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative");
    }
  }

  /** The same policy with at most {@code max} retries. */
  public RetryPolicy withRetries(int max) {
    return new RetryPolicy(Math.min(max, retries), initialDelay, maxDelay, maxRetryAfter, sleeper);
  }

  /**
   * How long to wait before retry number {@code retry} (0 for the first).
   *
   * @param retryAfter what the server asked for, or null
   */
  Duration delay(int retry, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }
    long millis = initialDelay.toMillis() << Math.min(retry, 20);
    return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
  }
}
