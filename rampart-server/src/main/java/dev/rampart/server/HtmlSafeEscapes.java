package dev.rampart.server;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * Writes {@code < > & '} as {@code \}{@code u} escapes in every JSON response. Names, labels and
 * annotations come from the cluster and are hostile by assumption: escaped this way, no string can
 * close a script element or open a tag even where a page mistakes the JSON for HTML. The value a
 * JSON parser reads is unchanged.
 */
final class HtmlSafeEscapes extends CharacterEscapes {

  private static final long serialVersionUID = 1L;

  private final int[] escapes;

  HtmlSafeEscapes() {
    escapes = standardAsciiEscapesForJSON();
    for (char c : new char[] {'<', '>', '&', '\''}) {
      escapes[c] = ESCAPE_STANDARD;
    }
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return escapes;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    return null;
  }
}
