package dev.rampart.source.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.rampart.snapshot.ClusterInfo;
import dev.rampart.snapshot.Gap;
import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import dev.rampart.snapshot.Snapshot;
import dev.rampart.source.SecretMetadata;
import dev.rampart.source.file.ModelTypes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * A saved inventory, to scan later and elsewhere exactly as the cluster was: gzip-compressed JSON,
 * one value per line. The first line is a {@link Header} (format, when, from where, the server
 * version, what could not be read and why); each further line is one object as the API served it.
 * Secrets are kept as metadata only, like the live source reads them.
 *
 * <p>{@code zcat FILE | head -1 | jq} shows the header; {@code zcat FILE | tail -n +2 | jq -s} the
 * objects.
 */
public final class SnapshotArchive {

  /** The format this Rampart writes and reads. */
  public static final String FORMAT = "rampart.dev/snapshot/v1";

  private static final String FORMAT_PREFIX = "rampart.dev/snapshot/";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .registerModule(new JavaTimeModule())
          .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
          .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
          .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
          .configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private SnapshotArchive() {}

  /**
   * The first line.
   *
   * @param tool the Rampart version that wrote it
   * @param takenAt when the cluster was read
   * @param source where it was read from, e.g. {@code context prod (https://10.0.0.1:6443)}
   * @param objects how many objects follow; fewer means the file is truncated
   */
  public record Header(
      String format,
      String tool,
      Instant takenAt,
      String source,
      String serverVersion,
      int objects,
      Map<String, Integer> byKind,
      List<Gap> gaps,
      List<InputProblem> problems) {

    public Header {
      byKind = byKind == null ? Map.of() : Map.copyOf(byKind);
      gaps = gaps == null ? List.of() : List.copyOf(gaps);
      problems = problems == null ? List.of() : List.copyOf(problems);
    }
  }

  /** A file that is not a snapshot this Rampart can read. */
  public static final class NotASnapshotException extends IOException {
    NotASnapshotException(String message) {
      super(message);
    }
  }

  /**
   * Writes {@code snapshot} to {@code file}, replacing it only once the whole archive is written.
   *
   * @return the header written
   */
  public static Header write(Snapshot snapshot, Path file, Instant takenAt, String toolVersion)
      throws IOException {
    Header header =
        new Header(
            FORMAT,
            toolVersion,
            takenAt,
            snapshot.source(),
            snapshot.clusterInfo().serverVersion(),
            snapshot.objects().size(),
            snapshot.countByKind(),
            snapshot.gaps(),
            snapshot.problems());
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path partial = Files.createTempFile(dir, "." + absolute.getFileName(), ".partial");
    try {
      try (OutputStream out =
          new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)), 65536)) {
        line(out, header);
        for (KubeObject o : snapshot.objects()) {
          line(out, keepable(o.resource()));
        }
      }
      move(partial, absolute);
    } finally {
      Files.deleteIfExists(partial);
    }
    return header;
  }

  private static void line(OutputStream out, Object value) throws IOException {
    JSON.writeValue(out, value);
    out.write('\n');
  }

  /** Whatever a snapshot was made from, a Secret's data is never written. */
  private static HasMetadata keepable(HasMetadata resource) {
    return resource instanceof Secret secret ? SecretMetadata.of(secret) : resource;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The header of a snapshot, without reading its objects. */
  public static Header header(Path file) throws IOException {
    try (InputStream in = open(file);
        MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(in)) {
      return header(file, values);
    }
  }

  /**
   * Reads a snapshot. The objects come back as the live scan saw them, with no file position:
   * findings on them point at the cluster, not at the archive.
   *
   * @throws NotASnapshotException when the file is not a Rampart snapshot this version can read
   * @throws IOException when the file cannot be read at all; a damaged end is reported as an error
   *     problem instead, and what came before it is kept
   */
  public static Snapshot read(Path file) throws IOException {
    try (InputStream in = open(file);
        MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(in)) {
      Header header = header(file, values);
      List<KubeObject> objects = new ArrayList<>(header.objects());
      List<InputProblem> problems = new ArrayList<>(header.problems());
      int line = 1;
      try {
        while (values.hasNextValue()) {
          line++;
          decode(values.nextValue(), file, line, objects, problems);
        }
      } catch (IOException | RuntimeException e) {
        problems.add(
            InputProblem.error(
                file.toString(), line, 0, "damaged after line " + (line - 1) + ": " + reason(e)));
      }
      if (objects.size() < header.objects()) {
        problems.add(
            InputProblem.error(
                file.toString(),
                0,
                0,
                "truncated: "
                    + header.objects()
                    + " objects were saved, "
                    + objects.size()
                    + " could be read"));
      }
      String source = "snapshot " + file + " of " + header.source() + ", taken " + header.takenAt();
      return new Snapshot(
          source, objects, problems, new ClusterInfo(header.serverVersion()), header.gaps());
    }
  }

  private static InputStream open(Path file) throws IOException {
    InputStream raw;
    try {
      raw = new BufferedInputStream(Files.newInputStream(file), 65536);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    try {
      return new GZIPInputStream(raw, 65536);
    } catch (ZipException | EOFException e) {
      raw.close();
      throw new NotASnapshotException(
          file
              + ": not a Rampart snapshot (not gzip-compressed); save one with rampart snapshot save");
    }
  }

  private static Header header(Path file, MappingIterator<JsonNode> values) throws IOException {
    JsonNode first;
    try {
      first = values.hasNextValue() ? values.nextValue() : null;
    } catch (JsonProcessingException | RuntimeException e) {
      throw new NotASnapshotException(file + ": not a Rampart snapshot (" + reason(e) + ")");
    }
    String format = first == null ? null : first.path("format").asText(null);
    if (format == null || !format.startsWith(FORMAT_PREFIX)) {
      throw new NotASnapshotException(file + ": not a Rampart snapshot (no snapshot header)");
    }
    if (!format.equals(FORMAT)) {
      throw new NotASnapshotException(
          file
              + ": snapshot format "
              + format
              + " is not the one this Rampart reads ("
              + FORMAT
              + ")");
    }
    return JSON.treeToValue(first, Header.class);
  }

  private static void decode(
      JsonNode node, Path file, int line, List<KubeObject> objects, List<InputProblem> problems) {
    String apiVersion = node.path("apiVersion").asText(null);
    String kind = node.path("kind").asText(null);
    if (apiVersion == null || kind == null || !node.path("metadata").has("name")) {
      problems.add(
          InputProblem.error(file.toString(), line, 0, "not a Kubernetes object; skipped"));
      return;
    }
    try {
      HasMetadata object = JSON.treeToValue(node, ModelTypes.of(apiVersion, kind));
      object.setApiVersion(apiVersion);
      objects.add(new KubeObject(keepable(object), Origin.UNKNOWN));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      problems.add(
          InputProblem.error(
              file.toString(), line, 0, kind + " cannot be decoded (" + reason(e) + "); skipped"));
    }
  }

  private static String reason(Exception e) {
    if (e instanceof JsonProcessingException j) {
      return j.getOriginalMessage();
    }
    if (e instanceof EOFException) {
      return "the file ends in the middle of the compressed data";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
