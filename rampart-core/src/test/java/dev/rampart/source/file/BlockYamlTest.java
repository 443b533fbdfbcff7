package dev.rampart.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each construct BlockYaml reads gives SnakeYAML's tree and lines; each other one gives up. */
class BlockYamlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: 1\nb: two\n",
        "# only a comment\n\n",
        "",
        "   \n# Source: chart/templates/a.yaml\napiVersion: v1\nkind: Pod\n",
        "a:\n  b:\n    c: d\n  e: f\ng: h\n",
        "a:\n- 1\n- two\nb: 3\n",
        "a:\n  - x: 1\n    y: 2\n  - z\n",
        "a:\n- - 1\n  - 2\n- - 3\n",
        "a:\n-\n- b\n-\n  c: d\n",
        "a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: nul\n",
        "a: true\nb: yes\nc: on\nd: false\ne: no\nf: off\ng: y\nh: n\ni: Off\nj: YES\n",
        "a: 0\nb: -1\nc: 2147483647\nd: 2147483648\ne: -2147483648\nf: 123456789012345678\n",
        "a: 10.0.0.1\nb: 1.2.3\nc: 2024-01-01T00:00:00Z\nd: 2024-01-01\ne: 128Mi\nf: 100m\n",
        "a: '1'\nb: \"2\"\nc: ''\nd: \"\"\ne: 'it''s'\nf: \"tab\\there \\\"q\\\" \\\\ \\x41\\u00e9\\U0001F600\"\n",
        "\"quoted key\": 1\n'single key': 2\nkey with spaces: 3\na:b: 4\n",
        "a: b # comment\nc: d#e\nf: 'g' # c\n# full line\nh: i\n",
        "a: {}\nb: []\nc:\n  d: {}\n",
        "a: |\n  line 1\n  line 2\nb: >\n  folded\n  text\n\n  para\nc: |-\n  strip\nd: |+\n  keep\n\ne: x\n",
        "a: >\n  one\n    more\n  two\n",
        "a: |\n  x\n\n\n  y\n\nb: 1\n",
        "a:   spaced   \nb:    'q'   \n",
        "b: --flag\nc: -x\nd: =\ne: <<x\n",
        "list:\n- name: a\n  args:\n  - --port=80\n  - \"--v=2\"\n  env:\n  - name: X\n    value: \"1\"\n",
        "  a: 1\n  b: 2\n",
        "a: |\n  last line without break",
        "a: b",
        "kind: List\nitems:\n- a: 1\n",
        "a: é ünïcödé 日本\n",
        "a: \"\\u00e9\"\n",
        "command: [\"sh\", \"-c\", 'echo hi']\nlabels: {app: web, tier: [a, 1, yes]}\n",
        "a: [ 1 , -2 , http://x:80/y , a b ]\n",
        "cpu: 0.05\nmemory: -1.50\n"
      })
  void readsWhatSnakeYamlReads(String yaml) {
    assertThat(BothReaders.agree(yaml)).as("read by BlockYaml").isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "<<: {a: 1}\n",
        "? complex\n: key\n",
        "%YAML 1.1\n---\na: 1\n",
        "a: 1\na: 2\n",
        "a: [1,\n  2]\n",
        "a: {b: 1,}\n",
        "a: {b}\n",
        "a: [b: 1]\n",
        "a: plain\n  continued\n",
        "a: 'multi\n  line'\n",
        "a: \"unterminated\n",
        "a: 'unterminated\n",
        "a: b: c\n",
        "a:\n\tb: 1\n",
        "a:\tb\n",
        "a: 1\r\nb: 2\r\n",
        "a: \u0001\n",
        "- a\n- b\n",
        "scalar\n",
        "a:\n  b: 1\n c: 2\n",
        "a: |2\n   x\n",
        "a: \"\\q\"\n",
        "a: 1\n- b\n",
        "a: 1.5e3\n",
        "a: 0x1F\n",
        "a: 012\n",
        "a: 1:20\n",
        "a: 1_000\n",
        "a: .inf\n",
        "a: +1\n",
        "a: 1e3\n",
        "a: |\n    indented\n  less\n",
        "a: -\n"
      })
  void givesUp(String yaml) {
    assertThat(BothReaders.fast(yaml)).isNull();
  }

  /** Deep nesting is left to the SnakeYAML path, which enforces the real limit with its message. */
  @Test
  void givesUpOnDeepNesting() {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      deep.append(" ".repeat(i)).append("k:\n");
    }
    assertThat(BothReaders.fast(deep.toString())).isNull();
    assertThat(BothReaders.fast("a:\n  b:\n    c: 1\n")).isNotNull();
  }

  /** An object over the value limit is left to the SnakeYAML path, which reports it. */
  @Test
  void givesUpOverTheValueLimit() {
    char[] text = "a: 1\nb: [1, 2]\nc:\n- 3\n".toCharArray();
    // The mapping, 1, the sequence, 1, 2, the other sequence, 3: seven values.
    assertThat(BlockYaml.read(text, text.length, 7, new NodeLines())).isNotNull();
    assertThat(BlockYaml.read(text, text.length, 6, new NodeLines())).isNull();
  }
}
