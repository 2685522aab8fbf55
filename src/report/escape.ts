// Text from files (names, values) shown to a human: control characters are written as escapes, so a
// file named `a\n::error::…` cannot start a line of its own (a workflow command on a GitHub runner),
// nor an escape sequence repaint the terminal, nor a bidirectional override reorder what is shown.

// C0 controls, DEL, C1 controls, line and paragraph separators, bidirectional embeddings and isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `text` with every control character written as `\n`, `\r`, `\t` or `\uXXXX`. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
