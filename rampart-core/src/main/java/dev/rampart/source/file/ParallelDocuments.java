package dev.rampart.source.file;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Parses the documents of one YAML stream on every core, in reading order. YAML parsing is most of
 * a scan's reading time and documents are independent (each already gets a fresh parser), so this
 * thread reads each document ahead into memory while other cores parse the previous ones; results
 * are merged in document order, so objects, problems, lines and document numbers are exactly what a
 * sequential read gives. A document longer than the size limit of one object (a huge {@code kind:
 * List}, streamed item by item) or one the stream breaks in is parsed here, from what was read
 * ahead followed by the rest of the stream.
 *
 * <p>Where another core would not help, documents are still read ahead, one at a time and parsed
 * right away, so that {@link BlockYaml} can read them from memory; then only documents of moderate
 * size are read ahead, longer ones stream through SnakeYAML as before.
 */
final class ParallelDocuments {

  /** Documents in flight at most: enough to keep the cores busy, few enough to bound memory. */
  private static final int WINDOW = 64;

  /** Characters in flight at most, over all documents read ahead and not merged yet. */
  private static final long MAX_PENDING_CHARS = 16L << 20;

  /**
   * Parsers apart from the common pool, whose one worker on two cores would leave a core idle while
   * this thread only reads ahead. Daemon threads: they never hold the process up.
   */
  private static final ExecutorService PARSERS =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          r -> {
            Thread t = new Thread(r, "rampart-parse");
            t.setDaemon(true);
            return t;
          });

  private final ManifestStream stream;
  private final DocumentReader docs;
  private final int maxChars;
  private final Deque<CompletableFuture<ManifestStream>> pending = new ArrayDeque<>();
  private final Deque<Integer> sizes = new ArrayDeque<>();
  private long pendingChars;

  /** Whether documents are parsed on other threads; if not, each one here as soon as it is read. */
  private final boolean parallel;

  /**
   * The longest document read ahead to be parsed at once on this thread: a real manifest is far
   * shorter, and a longer one (a list of many items) is better streamed than held in memory.
   */
  private static final int MAX_INLINE_CHARS = 1 << 20;

  ParallelDocuments(ManifestStream stream, boolean parallel) {
    this.stream = stream;
    this.docs = stream.docs();
    this.parallel = parallel;
    this.maxChars =
        parallel ? stream.maxObjectChars() : Math.min(stream.maxObjectChars(), MAX_INLINE_CHARS);
  }

  /**
   * Whether another core can help: not on one core, and not inside a parallel read of a directory's
   * files, which keeps the cores busy already.
   */
  static boolean worthIt() {
    return Runtime.getRuntime().availableProcessors() > 1
        && Runtime.getRuntime().maxMemory() >= MIN_HEAP
        && !(Thread.currentThread() instanceof ForkJoinWorkerThread);
  }

  /**
   * Below this heap, documents are parsed as they are read: what is read ahead (up to {@link
   * #MAX_PENDING_CHARS}, two bytes each) would take a good part of a small heap.
   */
  private static final long MIN_HEAP = 512L << 20;

  void readAll() throws IOException {
    boolean failed = true;
    try {
      char[] buf = new char[8192];
      while (docs.next()) {
        int length = 0;
        IOException problem = null;
        boolean ended;
        while (true) {
          int want = Math.min(buf.length, maxChars) - length;
          int n;
          try {
            n = docs.readAhead(buf, length, want);
          } catch (InputRejectedException e) {
            problem = e;
            n = 0;
          }
          length += n;
          if (problem != null || n < want || length >= maxChars) {
            ended = problem == null && n < want;
            break;
          }
          buf = java.util.Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxChars));
        }
        if (ended && docs.failure() == null && !parallel) {
          // Nothing keeps the text once parsed: the buffer serves the next document too.
          stream.merge(stream.parseApart(document(buf, length)));
        } else if (ended && docs.failure() == null) {
          submit(buf, length);
          buf = new char[8192];
        } else {
          // Parsed here, in order: everything before it first.
          drain(0);
          stream.readSequentially(new ReplayReader(buf, length, docs, problem));
          buf = new char[8192];
        }
      }
      drain(0);
      failed = false;
    } catch (IOException e) {
      // The stream failed: what was parsed before still counts, and the parsers are healthy.
      drainQuietly();
      throw e;
    } finally {
      if (failed) {
        // Anything else (out of memory...): no waiting on parsers that may never finish.
        pending.forEach(f -> f.cancel(true));
      }
    }
  }

  private BufferedDocument document(char[] text, int length) throws IOException {
    return new BufferedDocument(
        text, length, docs.absoluteLine(1), docs.helmSource(), docs.explicitStart());
  }

  private void submit(char[] text, int length) throws IOException {
    BufferedDocument d = document(text, length);
    pending.add(CompletableFuture.supplyAsync(() -> stream.parseApart(d), PARSERS));
    sizes.add(length);
    pendingChars += length;
    drain(WINDOW - 1);
  }

  /** Merges finished documents in order until at most {@code keep} are in flight. */
  private void drain(int keep) throws IOException {
    while (!pending.isEmpty() && (pending.size() > keep || pendingChars > MAX_PENDING_CHARS)) {
      ManifestStream done;
      try {
        done = pending.removeFirst().join();
      } catch (CompletionException e) {
        pendingChars -= sizes.removeFirst();
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
      pendingChars -= sizes.removeFirst();
      stream.merge(done);
    }
  }

  private void drainQuietly() {
    while (!pending.isEmpty()) {
      try {
        stream.merge(pending.removeFirst().join());
      } catch (RuntimeException e) {
        // Already failing: the first problem is the one reported.
      }
    }
  }
}
