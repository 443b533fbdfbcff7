package dev.rampart.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes the elements of a long JSON array on worker threads, a chunk of elements each, and joins
 * the chunks in order. Encoding the findings of a large cluster is most of the report's time, and
 * it is the same work for every element, so it splits across cores. The bytes are exactly those one
 * generator writes: each chunk comes from a generator made like the report's, at the same nesting
 * depth, after a first element, so that every chunk starts with the array's separator and
 * indentation. At most a few chunks are in memory at once: a report of any size still streams.
 */
final class ChunkedArray<T> {

  /** Writes one element of the array. */
  @FunctionalInterface
  interface Element<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  private final Element<T> element;
  private final Parallelism parallelism;

  ChunkedArray(Element<T> element, Parallelism parallelism) {
    this.element = element;
    this.parallelism = parallelism;
  }

  /**
   * Writes the values into the array {@code g} has just opened, {@code out} being the stream {@code
   * g} writes to. A short array, or one machine core, stays on the calling thread.
   */
  void write(JsonGenerator g, OutputStream out, List<T> values) throws IOException {
    if (!parallelism.pays(values.size())) {
      for (T v : values) {
        element.write(g, v);
      }
      return;
    }
    // The first value through g itself: g then counts a value, and closes the array on a new line.
    element.write(g, values.get(0));
    g.flush();
    List<Boolean> depth = depth(g.getOutputContext());
    ExecutorService pool =
        Executors.newFixedThreadPool(parallelism.threads(), ChunkedArray::daemon);
    try {
      Deque<Future<Chunk>> pending = new ArrayDeque<>();
      int next = 1;
      while (next < values.size() || !pending.isEmpty()) {
        while (next < values.size() && pending.size() < parallelism.inFlight()) {
          List<T> part = values.subList(next, Math.min(values.size(), next + parallelism.chunk()));
          pending.add(pool.submit(() -> encode(depth, part)));
          next += part.size();
        }
        await(pending.poll()).copyTo(out);
      }
    } finally {
      // After a failed write: stop encoding what will never be written.
      pool.shutdownNow();
    }
  }

  /** Whether each open container from the root down is an object (true) or an array (false). */
  private static List<Boolean> depth(JsonStreamContext context) {
    List<Boolean> path = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      path.add(0, c.inObject());
    }
    return path;
  }

  /**
   * Encodes the values as they follow an earlier value of the array: a generator opens as many
   * containers as the report has open, writes a stand-in first value, and the chunk is what it
   * writes after that.
   */
  private Chunk encode(List<Boolean> depth, List<T> values) throws IOException {
    Chunk bytes = new Chunk(values.size() * 2048);
    JsonGenerator g = JsonOutput.open(bytes);
    for (boolean object : depth) {
      if (object) {
        g.writeStartObject();
        g.writeFieldName("_");
      } else {
        g.writeStartArray();
      }
    }
    g.writeNull();
    g.flush();
    bytes.start = bytes.size();
    for (T v : values) {
      element.write(g, v);
    }
    g.flush();
    return bytes;
  }

  private static Chunk await(Future<Chunk> chunk) throws IOException {
    try {
      return chunk.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing the report");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new UncheckedIOException(new IOException(cause));
    }
  }

  /** Workers never keep the JVM alive: a report that failed must not hang the command. */
  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "rampart-report");
    t.setDaemon(true);
    return t;
  }

  /** The encoded values of one chunk, after the stand-in value's bytes. */
  private static final class Chunk extends ByteArrayOutputStream {
    private int start;

    Chunk(int size) {
      super(size);
    }

    void copyTo(OutputStream out) throws IOException {
      out.write(buf, start, count - start);
    }
  }
}
