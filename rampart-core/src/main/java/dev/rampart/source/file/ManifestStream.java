package dev.rampart.source.file;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rampart.snapshot.InputProblem;
import dev.rampart.snapshot.KubeObject;
import dev.rampart.snapshot.Origin;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the Kubernetes objects of one stream (a file or standard input): splits it into documents,
 * parses each with a fresh parser, streams the items of lists one at a time, and turns every
 * problem into an {@link InputProblem} naming file, line and document.
 */
final class ManifestStream {

  private final String file;
  private final Parsers parsers;
  private final Collector out;

  private DocumentReader docs;

  /** Where the current document's text comes from: {@link #docs}, or a copy read ahead. */
  private DocumentText doc;

  /** The documents seen so far; the last is the current one. */
  private int documents;

  private int objectsInDocument;
  private TreeBuilder trees;
  private boolean isList;

  /** The line where the object being read starts. */
  private int objectLine;

  ManifestStream(String file, Parsers parsers, Collector out) {
    this.file = file;
    this.parsers = parsers;
    this.out = out;
  }

  void read(InputStream raw) {
    int before = out.size();
    try {
      docs = new DocumentReader(TextDecoder.open(raw), parsers.limits().maxObjectChars());
      doc = docs;
      boolean json = docs.looksLikeJson();
      boolean parallel = ParallelDocuments.worthIt();
      if (!json && (parallel || parsers.fast())) {
        new ParallelDocuments(this, parallel).readAll();
      } else {
        while (docs.next()) {
          readDocument(json, docs);
        }
      }
    } catch (IOException e) {
      out.add(InputProblem.error(file, 0, 0, ParseMessages.reading(e)));
    }
    if (out.size() == before) {
      out.add(
          InputProblem.warning(
              file, 0, 0, "no Kubernetes objects in it (it is empty or holds only comments)"));
    }
  }

  /**
   * Parses the current document.
   *
   * @param text its characters: the document reader, or what stands for it
   */
  void readDocument(boolean json, java.io.Reader text) throws IOException {
    boolean counted = false;
    JsonParser p = null;
    try {
      p = (json ? parsers.json() : parsers.yaml()).createParser(text);
      while (p.nextToken() != null) {
        // In YAML the document reader's text is one document; JSON may run several together.
        if (!counted || json) {
          startDocument();
          counted = true;
        }
        readRoot(p);
      }
    } catch (IOException | RuntimeException e) {
      if (doc.failure() != null) {
        throw doc.failure();
      }
      if (!counted) {
        startDocument();
        counted = true;
      }
      String skipped =
          objectsInDocument > 0
              ? "; the rest of the document is skipped"
              : "; the document is skipped";
      int line = line(e, p);
      out.add(InputProblem.error(file, line, documents, problem(e) + opened(e, line) + skipped));
    } finally {
      close(p);
    }
    if (!counted && doc.explicitStart()) {
      // An empty "---" document still counts, so that the numbers match what YAML tools say.
      startDocument();
    }
  }

  DocumentReader docs() {
    return docs;
  }

  int maxObjectChars() {
    return parsers.limits().maxObjectChars();
  }

  /** Parses the current document of the stream here, from {@code text}. */
  void readSequentially(java.io.Reader text) throws IOException {
    doc = docs;
    readDocument(false, text);
  }

  /**
   * Parses a document read ahead into a stream of its own, whose document numbers count from the
   * start of that document: {@link #merge} puts them right.
   */
  ManifestStream parseApart(BufferedDocument text) {
    ManifestStream apart = new ManifestStream(file, parsers, new Collector());
    apart.doc = text;
    if (parsers.fast() && apart.readFast(text)) {
      return apart;
    }
    try {
      apart.readDocument(false, new java.io.CharArrayReader(text.text(), 0, text.length()));
    } catch (IOException e) {
      // Text in memory fails to read only on a bug; report it as the document's problem.
      apart.out.add(InputProblem.error(file, text.firstLine(), 1, ParseMessages.reading(e)));
    }
    return apart;
  }

  /**
   * Reads a document in memory with {@link BlockYaml}, when it can, into what the SnakeYAML path
   * would give. Lists are left to that path, which streams their items one at a time.
   *
   * @return whether it did; if not, nothing was added
   */
  private boolean readFast(BufferedDocument text) {
    NodeLines lines = new NodeLines();
    BlockYaml.Document read =
        BlockYaml.read(text.text(), text.length(), parsers.limits().maxValues(), lines);
    if (read == null) {
      return false;
    }
    if (read == BlockYaml.Document.EMPTY) {
      if (text.explicitStart()) {
        startDocument();
      }
      out.countFastDocument();
      return true;
    }
    JsonNode items = read.root().get("items");
    if (items != null && items.isArray()) {
      return false;
    }
    startDocument();
    int line = text.absoluteLine(read.line());
    objectLine = line;
    try {
      emit(read.root(), null, "", line, lines);
    } catch (RuntimeException e) {
      // A failure past parsing, which the SnakeYAML path reports with its parser's position.
      documents--;
      objectsInDocument = 0;
      return false;
    }
    out.countFastDocument();
    return true;
  }

  /** Appends what a document parsed apart found, numbering its documents after this stream's. */
  void merge(ManifestStream apart) {
    int offset = documents;
    out.addAll(apart.out, offset);
    documents += apart.documents;
  }

  private void startDocument() {
    documents++;
    objectsInDocument = 0;
  }

  private void readRoot(JsonParser p) throws IOException {
    int line = doc.absoluteLine(p.currentTokenLocation().getLineNr());
    objectLine = line;
    JsonToken token = p.currentToken();
    if (token != JsonToken.START_OBJECT) {
      p.skipChildren();
      out.add(InputProblem.warning(file, line, documents, notAMapping(token, "the document is")));
      return;
    }
    doc.startObject();
    trees = new TreeBuilder(parsers.limits().maxValues());
    isList = false;
    ObjectNode top = trees.readObject(p, this::readItems);
    if (!isList) {
      emit(top, null, "", line, trees.lines());
    }
  }

  /**
   * Reads the {@code items} of a list ({@code kind: List} as kubectl prints it, typed lists such as
   * PodList) one at a time, each with its own budget, so that a list of any length streams. The
   * items may come before the list's {@code kind}: kubectl sorts the keys.
   *
   * @see TreeBuilder.FieldReader
   */
  private boolean readItems(String field, JsonParser p, ObjectNode list) throws IOException {
    JsonNode kind = list.get("kind");
    if (!field.equals("items")
        || p.currentToken() != JsonToken.START_ARRAY
        || (kind != null && !kind.asText().endsWith("List"))) {
      return false;
    }
    isList = true;
    for (int item = 0; p.nextToken() != JsonToken.END_ARRAY; item++) {
      doc.startObject();
      trees.startObject();
      int line = doc.absoluteLine(p.currentTokenLocation().getLineNr());
      objectLine = line;
      JsonNode tree = trees.read(p);
      emit(tree, list, "items[" + item + "]: ", line, trees.lines());
    }
    return true;
  }

  /**
   * Adds the object a mapping holds, or the reason it holds none.
   *
   * @param list the fields of the list the mapping is an item of, or null
   * @param item how to name the item in messages, or "" for a whole document
   * @param lines where the tree's values were written
   */
  private void emit(JsonNode tree, ObjectNode list, String item, int line, NodeLines lines) {
    if (!tree.isObject()) {
      JsonToken token = tree.isArray() ? JsonToken.START_ARRAY : JsonToken.VALUE_STRING;
      out.add(InputProblem.warning(file, line, documents, item + notAMapping(token, "it is")));
      return;
    }
    try {
      HasMetadata object = parsers.decoder().decode((ObjectNode) tree, list);
      String template = Templates.of(doc.helmSource(), object);
      out.add(new KubeObject(object, new Origin(file, documents, line, template)));
      objectsInDocument++;
    } catch (ObjectDecoder.Rejected r) {
      int at = lines.line(tree, r.at());
      int where = at > 0 ? doc.absoluteLine(at) : line;
      String message = item + r.getMessage();
      out.add(
          r.isError()
              ? InputProblem.error(file, where, documents, message)
              : InputProblem.warning(file, where, documents, message));
    }
  }

  private static String notAMapping(JsonToken token, String subject) {
    String what = token == JsonToken.START_ARRAY ? "a list" : "a scalar";
    return "not a Kubernetes object (" + subject + " " + what + ", not a mapping); skipped";
  }

  private static String problem(Exception e) {
    InputRejectedException rejected = ParseMessages.cause(e, InputRejectedException.class);
    return rejected != null ? rejected.getMessage() : ParseMessages.parsing(e);
  }

  /** Where the construct that failed began, when that is not where the parser noticed. */
  private String opened(Exception e, int line) {
    MarkedYAMLException yaml = ParseMessages.cause(e, MarkedYAMLException.class);
    if (yaml == null || yaml.getContextMark() == null) {
      return "";
    }
    // A bracket left open is only noticed where the document ends: point at both.
    int start = doc.absoluteLine(yaml.getContextMark().getLine() + 1);
    return start == line ? "" : " (opened at line " + start + ")";
  }

  /** The line a parse error is at: where the parser says, else where it stopped. */
  private int line(Exception e, JsonParser p) {
    InputRejectedException rejected = ParseMessages.cause(e, InputRejectedException.class);
    if (rejected != null) {
      return rejected.line() > 0 ? rejected.line() : objectLine;
    }
    // Before Jackson's wrapper, whose location is where the parser started, not the problem.
    MarkedYAMLException yaml = ParseMessages.cause(e, MarkedYAMLException.class);
    if (yaml != null && yaml.getProblemMark() != null) {
      return doc.absoluteLine(yaml.getProblemMark().getLine() + 1);
    }
    JsonLocation location = e instanceof JsonProcessingException json ? json.getLocation() : null;
    if ((location == null || location.getLineNr() < 1) && p != null) {
      location = p.currentLocation();
    }
    return location != null && location.getLineNr() > 0
        ? doc.absoluteLine(location.getLineNr())
        : doc.absoluteLine(1);
  }

  private static void close(JsonParser p) {
    if (p != null) {
      try {
        p.close();
      } catch (IOException | RuntimeException e) {
        // The document is over either way.
      }
    }
  }
}
