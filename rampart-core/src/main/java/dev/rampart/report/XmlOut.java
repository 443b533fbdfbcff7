package dev.rampart.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Streaming XML (and HTML in XML syntax) over the JDK's StAX writer, which escapes every text and
 * attribute value. Adds what StAX leaves out: indentation, so that goldens and reports read well,
 * and removal of the characters XML 1.0 cannot carry at all, which a hostile object could put in an
 * annotation and which would otherwise make the whole report unparseable.
 */
final class XmlOut {

  // The JDK's own implementation, whatever else is on the class path.
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  private final XMLStreamWriter w;
  private final OutputStream out;
  // Per open element: whether it has child elements, so its end tag goes on a line of its own.
  private final Deque<boolean[]> open = new ArrayDeque<>();
  private boolean prolog;

  private XmlOut(XMLStreamWriter w, OutputStream out) {
    this.w = w;
    this.out = out;
  }

  static XmlOut open(OutputStream out) throws IOException {
    try {
      return new XmlOut(FACTORY.createXMLStreamWriter(out, "UTF-8"), out);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  XmlOut declaration() throws IOException {
    try {
      w.writeStartDocument("UTF-8", "1.0");
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    prolog = true;
    return this;
  }

  XmlOut doctype(String doctype) throws IOException {
    try {
      w.writeDTD(doctype);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    prolog = true;
    return this;
  }

  XmlOut start(String name) throws IOException {
    try {
      indent();
      w.writeStartElement(name);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    open.push(new boolean[1]);
    return this;
  }

  /** An element without content; attributes may follow. */
  XmlOut empty(String name) throws IOException {
    try {
      indent();
      w.writeEmptyElement(name);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    return this;
  }

  /** Skipped when the value is null: an unknown optional attribute is left out. */
  XmlOut attr(String name, String value) throws IOException {
    if (value == null) {
      return this;
    }
    try {
      w.writeAttribute(name, clean(value));
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    return this;
  }

  XmlOut attr(String name, long value) throws IOException {
    return attr(name, Long.toString(value));
  }

  XmlOut text(String text) throws IOException {
    if (text == null || text.isEmpty()) {
      return this;
    }
    try {
      w.writeCharacters(clean(text));
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    return this;
  }

  /** An element holding only text. */
  XmlOut element(String name, String text) throws IOException {
    return start(name).text(text).end();
  }

  XmlOut end() throws IOException {
    boolean[] hasChildren = open.pop();
    try {
      if (hasChildren[0]) {
        w.writeCharacters("\n" + "  ".repeat(open.size()));
      }
      w.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    return this;
  }

  /** Closes what is still open, ends with a newline and flushes; leaves the stream open. */
  void finish() throws IOException {
    while (!open.isEmpty()) {
      end();
    }
    try {
      w.writeEndDocument();
      w.writeCharacters("\n");
      w.flush();
      // Closing a StAX writer releases it without closing the stream it writes to.
      w.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    out.flush();
  }

  private void indent() throws XMLStreamException {
    if (!open.isEmpty()) {
      open.peek()[0] = true;
      w.writeCharacters("\n" + "  ".repeat(open.size()));
    } else if (prolog) {
      w.writeCharacters("\n");
    }
  }

  /**
   * Replaces what XML 1.0 does not allow (most control characters, lone surrogates, U+FFFE and
   * U+FFFF) with U+FFFD.
   */
  static String clean(String s) {
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (!allowed(c)) {
        break;
      }
      i += Character.charCount(c);
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length()).append(s, 0, i);
    while (i < s.length()) {
      int c = s.codePointAt(i);
      sb.appendCodePoint(allowed(c) ? c : '\uFFFD');
      i += Character.charCount(c);
    }
    return sb.toString();
  }

  private static boolean allowed(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
