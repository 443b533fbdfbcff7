package dev.rampart.source.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads Kubernetes objects from YAML and JSON: files, directories (recursively), standard input,
 * multi-document streams, {@code kind: List} and typed lists, rendered Helm and Kustomize output.
 *
 * <p>Every problem becomes an {@link InputProblem} naming file, line and document, and reading goes
 * on with the next document: one broken manifest never hides the others.
 */
public final class ManifestReader {

  /** What {@code -} stands for. */
  public static final String STDIN = "-";

  private static final String STDIN_NAME = "<stdin>";
  private static final int SNIFF_BYTES = 8192;
  private static final Pattern KUSTOMIZE_PATH = Pattern.compile("(?m)^\\s*path:\\s*(\\S+)");

  private final ParseLimits limits;
  private final YAMLFactory yaml;
  private final JsonFactory json;
  private final ObjectMapper mapper;
  private final ObjectDecoder decoder;

  public ManifestReader() {
    this(ParseLimits.DEFAULT);
  }

  public ManifestReader(ParseLimits limits) {
    this.limits = limits;
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxNestingDepth());
    // The document reader enforces the size limit per object, so one large List still streams.
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setAllowDuplicateKeys(false);
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxObjectChars())
            .build();
    this.yaml = YAMLFactory.builder().loaderOptions(options).build();
    this.yaml.setStreamReadConstraints(constraints);
    this.yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.json = new JsonFactory();
    this.json.setStreamReadConstraints(constraints);
    this.json.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.mapper = new ObjectMapper(json);
    this.decoder = new ObjectDecoder(mapper);
  }

  /** What was read: the objects, and the problems met on the way. */
  public record Result(List<KubeObject> objects, List<InputProblem> problems) {}

  /** Reads every input: a file, a directory (recursively) or {@code -} for standard input. */
  public Result read(List<String> inputs, InputStream stdin) {
    Collector out = new Collector();
    for (String input : inputs) {
      if (STDIN.equals(input)) {
        readStream(STDIN_NAME, stdin, out);
      } else {
        readPath(Path.of(input), input, out);
      }
    }
    return out.result();
  }

  /** Reads one named stream (a bundled resource, standard input). */
  public Result read(String name, InputStream in) {
    Collector out = new Collector();
    readStream(name, in, out);
    return out.result();
  }

  private void readPath(Path path, String display, Collector out) {
    if (Files.isDirectory(path)) {
      readDirectory(path, out);
    } else {
      readFile(path, display, out);
    }
  }

  private void readDirectory(Path root, Collector out) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
              return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && isManifestName(file)) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              out.problems.add(InputProblem.error(file.toString(), 0, 0, describe(e)));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      out.problems.add(InputProblem.error(root.toString(), 0, 0, describe(e)));
    }
    files.sort(null);
    for (Path file : files) {
      readFile(file, file.toString(), out);
    }
  }

  private static boolean isManifestName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private void readFile(Path path, String display, Collector out) {
    try (InputStream in = Files.newInputStream(path)) {
      readStream(display, in, out);
    } catch (IOException e) {
      out.problems.add(InputProblem.error(display, 0, 0, describe(e)));
    }
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: cannot read it";
    }
    return "cannot read: " + e.getMessage();
  }

  private void readStream(String file, InputStream raw, Collector out) {
    int before = out.objects.size();
    int problemsBefore = out.problems.size();
    BufferedInputStream in = new BufferedInputStream(raw, 65536);
    try {
      if (isBinary(in)) {
        out.problems.add(
            InputProblem.error(file, 0, 0, "binary file, not YAML or JSON text; skipped"));
        return;
      }
      var utf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, utf8), 65536);
      readDocuments(file, lines, out);
    } catch (CharacterCodingException e) {
      out.problems.add(
          InputProblem.error(file, 0, 0, "not valid UTF-8 text; the rest of the file is skipped"));
    } catch (IOException e) {
      out.problems.add(InputProblem.error(file, 0, 0, describe(e)));
    }
    if (out.objects.size() == before && out.problems.size() == problemsBefore) {
      out.problems.add(InputProblem.warning(file, 0, 0, "empty: no Kubernetes objects in it"));
    }
  }

  /** NUL bytes do not occur in YAML or JSON text; they do in binaries, archives and UTF-16. */
  private static boolean isBinary(BufferedInputStream in) throws IOException {
    in.mark(SNIFF_BYTES);
    byte[] head = in.readNBytes(SNIFF_BYTES);
    in.reset();
    for (byte b : head) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  private void readDocuments(String file, BufferedReader lines, Collector out) throws IOException {
    // A byte-order mark is legal at the start of YAML and JSON; the parsers would trip on it.
    lines.mark(1);
    if (lines.read() != '\uFEFF') {
      lines.reset();
    }
    int line = 1;
    String pending = null;
    int[] documents = {0};
    while (true) {
      int first = pending != null ? line - 1 : line;
      DocumentReader doc = new DocumentReader(lines, first, pending, limits.maxObjectChars());
      readDocument(file, doc, documents, out);
      doc.drain();
      line = doc.nextLine();
      pending = doc.pendingForNext();
      if (doc.streamEnded()) {
        return;
      }
    }
  }

  private void readDocument(String file, DocumentReader doc, int[] documents, Collector out)
      throws CharacterCodingException {
    int index = 0;
    try (JsonParser p = parserFor(file, doc)) {
      JsonToken token;
      while ((token = p.nextToken()) != null) {
        if (index == 0) {
          index = ++documents[0];
        }
        int line = doc.absoluteLine(p.currentTokenLocation().getLineNr());
        if (token != JsonToken.START_OBJECT) {
          p.skipChildren();
          out.problems.add(
              InputProblem.warning(
                  file,
                  line,
                  index,
                  "not a Kubernetes object (the document is a "
                      + (token == JsonToken.START_ARRAY ? "sequence" : "scalar")
                      + ", not a mapping); skipped"));
          continue;
        }
        readObject(file, index, line, doc, p, out);
      }
    } catch (CharacterCodingException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (index == 0) {
        index = ++documents[0];
      }
      out.problems.add(parseError(file, index, doc, e));
    }
  }

  private JsonParser parserFor(String file, DocumentReader doc) throws IOException {
    boolean isJson = file.toLowerCase(Locale.ROOT).endsWith(".json");
    return isJson ? json.createParser(doc) : yaml.createParser(doc);
  }

  /** Reads one top-level mapping; streams the items of a list one at a time. */
  private void readObject(
      String file, int index, int line, DocumentReader doc, JsonParser p, Collector out)
      throws IOException {
    doc.resetBudget();
    TreeBuilder trees = new TreeBuilder(limits.maxAliases());
    ObjectNode top = mapper.createObjectNode();
    boolean list = false;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken value = p.nextToken();
      if ("items".equals(name) && value == JsonToken.START_ARRAY) {
        list = true;
        int item = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          doc.resetBudget();
          int itemLine = doc.absoluteLine(p.currentTokenLocation().getLineNr());
          JsonNode tree = trees.read(p);
          emit(file, index, itemLine, "items[" + item++ + "]", tree, top, doc, out);
        }
      } else {
        top.set(name, trees.read(p));
      }
    }
    if (!list) {
      emit(file, index, line, null, top, null, doc, out);
    }
  }

  private void emit(
      String file,
      int index,
      int line,
      String item,
      JsonNode tree,
      ObjectNode list,
      DocumentReader doc,
      Collector out) {
    String where = item == null ? "" : item + ": ";
    if (!tree.isObject()) {
      out.problems.add(
          InputProblem.warning(file, line, index, where + "not a Kubernetes object; skipped"));
      return;
    }
    String apiVersion = text(tree, "apiVersion");
    String kind = text(tree, "kind");
    if (list != null && kind == null) {
      // Typed lists from the API (PodList, ...) leave apiVersion and kind out of their items.
      String listKind = text(list, "kind");
      if (listKind != null && listKind.endsWith("List") && !listKind.equals("List")) {
        kind = listKind.substring(0, listKind.length() - 4);
        apiVersion = apiVersion == null ? text(list, "apiVersion") : apiVersion;
        ((ObjectNode) tree).put("kind", kind).put("apiVersion", apiVersion);
      }
    }
    if (apiVersion == null || kind == null) {
      out.problems.add(
          InputProblem.warning(
              file,
              line,
              index,
              where + "not a Kubernetes object (it has no apiVersion and kind); skipped"));
      return;
    }
    JsonNode meta = tree.get("metadata");
    if (meta == null || !meta.isObject() || (name(meta) == null)) {
      out.problems.add(
          InputProblem.error(file, line, index, where + kind + " has no metadata.name; skipped"));
      return;
    }
    if (meta.get("name") == null) {
      // generateName objects (Jobs created by CI, ...) get their name from the server.
      ((ObjectNode) meta).put("name", meta.get("generateName").asText());
    }
    try {
      HasMetadata object = decoder.decode(apiVersion, kind, tree);
      Origin origin = new Origin(file, index, line, template(doc, meta));
      out.objects.add(new KubeObject(object, origin));
    } catch (JsonMappingException e) {
      out.problems.add(
          InputProblem.error(
              file,
              line,
              index,
              where + kind + " " + name(meta) + ": " + mappingMessage(e) + "; skipped"));
    } catch (IOException | RuntimeException e) {
      out.problems.add(
          InputProblem.error(
              file, line, index, where + kind + " " + name(meta) + ": " + e.getMessage()));
    }
  }

  private static String name(JsonNode meta) {
    JsonNode name = meta.get("name");
    if (name != null && name.isTextual() && !name.asText().isEmpty()) {
      return name.asText();
    }
    JsonNode generate = meta.get("generateName");
    return generate != null && generate.isTextual() ? generate.asText() : null;
  }

  /** Helm's {@code # Source:} comment, or Kustomize's origin annotation when it was enabled. */
  private static String template(DocumentReader doc, JsonNode meta) {
    if (doc.helmSource() != null) {
      return doc.helmSource();
    }
    JsonNode origin = meta.path("annotations").get("config.kubernetes.io/origin");
    if (origin != null && origin.isTextual()) {
      Matcher m = KUSTOMIZE_PATH.matcher(origin.asText());
      if (m.find()) {
        return m.group(1);
      }
    }
    return null;
  }

  private static String text(JsonNode tree, String field) {
    JsonNode value = tree.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  private static String mappingMessage(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    message = newline < 0 ? message : message.substring(0, newline);
    return path.length() == 0 ? message : "field " + path + ": " + message;
  }

  private InputProblem parseError(String file, int index, DocumentReader doc, Exception e) {
    ObjectTooLargeException tooLarge = cause(e, ObjectTooLargeException.class);
    if (tooLarge != null) {
      return InputProblem.error(file, doc.firstLine(), index, tooLarge.getMessage());
    }
    int line = doc.firstLine();
    String opened = "";
    MarkedYAMLException yaml = cause(e, MarkedYAMLException.class);
    if (yaml != null && yaml.getProblemMark() != null) {
      line = doc.absoluteLine(yaml.getProblemMark().getLine() + 1);
      if (yaml.getContextMark() != null) {
        int start = doc.absoluteLine(yaml.getContextMark().getLine() + 1);
        // A bracket left open is only noticed where the document ends: point at both.
        opened = start == line ? "" : " (opened at line " + start + ")";
      }
    } else if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
      JsonLocation location = jpe.getLocation();
      if (location.getLineNr() > 0) {
        line = doc.absoluteLine(location.getLineNr());
      }
    }
    return InputProblem.error(file, line, index, "malformed: " + ParseMessages.clean(e) + opened);
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static final class Collector {
    final List<KubeObject> objects = new ArrayList<>();
    final List<InputProblem> problems = new ArrayList<>();

    Result result() {
      return new Result(List.copyOf(objects), List.copyOf(problems));
    }
  }
}
