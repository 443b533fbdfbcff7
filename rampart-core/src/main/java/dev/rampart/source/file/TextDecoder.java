package dev.rampart.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the bytes of a manifest into text. Unlike {@link java.io.InputStreamReader} it does not
 * give up at the first invalid byte: it hands out every character before it, then throws one {@link
 * MalformedInputException}, then goes on after it, so that only the document holding the bad byte
 * is lost and its line can be reported.
 */
final class TextDecoder extends Reader {

  /** How much of the start of a file is examined to tell text from binary. */
  private static final int SNIFF_BYTES = 8192;

  private final InputStream in;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(65536).flip();
  private boolean eof;
  private boolean flushed;
  private int pendingMalformed;

  private TextDecoder(InputStream in, Charset charset) {
    this.in = in;
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * Opens a stream as UTF-8 text, or UTF-16 when it starts with that byte-order mark (PowerShell
   * writes redirected output so).
   *
   * @throws InputRejectedException when the start of the stream is not text
   */
  static TextDecoder open(InputStream in) throws IOException {
    TextDecoder text = new TextDecoder(in, StandardCharsets.UTF_8);
    while (!text.eof && text.bytes.remaining() < SNIFF_BYTES) {
      text.fill();
    }
    ByteBuffer b = text.bytes;
    int first = b.remaining() > 0 ? b.get(0) & 0xff : -1;
    int second = b.remaining() > 1 ? b.get(1) & 0xff : -1;
    if ((first == 0xfe && second == 0xff) || (first == 0xff && second == 0xfe)) {
      // The UTF-16 decoder reads the byte-order mark itself.
      TextDecoder utf16 = new TextDecoder(in, StandardCharsets.UTF_16);
      utf16.bytes.clear().put(b).flip();
      return utf16;
    }
    if (first == 0x1f && second == 0x8b) {
      throw new InputRejectedException(
          "gzip-compressed file, not YAML or JSON text; decompress it first", 0);
    }
    for (int i = 0; i < Math.min(b.remaining(), SNIFF_BYTES); i++) {
      // NUL never occurs in YAML or JSON text; it does in executables, archives and images.
      if (b.get(i) == 0) {
        throw new InputRejectedException("binary file, not YAML or JSON text", 0);
      }
    }
    if (b.remaining() >= 3
        && (b.get(0) & 0xff) == 0xef
        && (b.get(1) & 0xff) == 0xbb
        && (b.get(2) & 0xff) == 0xbf) {
      // A UTF-8 byte-order mark is legal but the parsers would take it for content.
      b.position(3);
    }
    return text;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pendingMalformed > 0) {
      bytes.position(bytes.position() + pendingMalformed);
      pendingMalformed = 0;
      throw new MalformedInputException(1);
    }
    CharBuffer out = CharBuffer.wrap(buf, off, len);
    while (out.position() == off) {
      CoderResult result = decoder.decode(bytes, out, eof);
      if (result.isError()) {
        // Hand out what was decoded first; the error comes with the next call.
        pendingMalformed = result.length();
        return out.position() > off ? out.position() - off : read(buf, off, len);
      }
      if (result.isUnderflow() && out.position() == off) {
        if (eof) {
          return flush(out, off);
        }
        fill();
      }
    }
    return out.position() - off;
  }

  private int flush(CharBuffer out, int off) {
    if (!flushed) {
      decoder.flush(out);
      flushed = true;
    }
    return out.position() > off ? out.position() - off : -1;
  }

  /** Reads more bytes, keeping the ones not yet decoded (the start of a multi-byte character). */
  private void fill() throws IOException {
    bytes.compact();
    try {
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
    } finally {
      bytes.flip();
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
