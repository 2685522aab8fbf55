// A position-tracking reader for the YAML that request files are made of: block mappings and block
// sequences of plain or quoted one-line scalars, and comments. Anything else — anchors, aliases,
// tags, flow style, block or multi-line scalars, escapes, document markers, tabs, empty values,
// comment lines after the first node (trailing comments on a line are fine),
// keys or plain scalars that are not plainly strings or small integers, anything unusual — makes it
// give up (undefined), and the caller uses the `yaml` package (./yaml.ts). On what it accepts, the
// values, duplicate keys, positions and spans are exactly the `yaml`-based reader's (a differential
// property test holds it to that), without building a syntax tree or loading the package.
import type { DuplicateKey, ParsedDocument, Span } from "./document.js";
import { lineIndex } from "./document.js";
import { escapeSegment, pointerSegments } from "../model/pointer.js";

/** Where a value is: `start`/`end` as the `yaml` package's node range [0] and [1]; `next` as its [2]. */
interface Node {
  start: number;
  end: number;
  next: number;
  value: unknown;
  members?: Map<string, Member>;
  items?: Node[];
}

interface Member {
  key: number;
  node: Node;
}

/** Thrown (and caught below) when the text leaves the subset. */
class Unsupported extends Error {}
const unsupported = new Unsupported();

// Characters the subset allows: printable ASCII and non-ASCII up to U+FFFD, without the line
// separators YAML 1.1 knew (U+0085, U+2028, U+2029), the BOM, surrogates (astral characters) and
// any control character but the newline. Tabs and carriage returns send the text to `yaml`.
const OUTSIDE = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
const INT = /^(?:0|-?[1-9][0-9]{0,14})$/;
// What the core schema reads as a number: the ints and floats of YAML 1.2, .inf and .nan.
const NUMBER = /^(?:[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
// A plain scalar that starts with one of these is an indicator or an error.
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

const SPACE = 32;
const NEWLINE = 10;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const SQUOTE = 39;
const DQUOTE = 34;

class Reader {
  pos = 0;
  /** Indent of the line at `pos` (its first content character), or -1 before the first and at the end. */
  indent = -1;
  readonly duplicates: DuplicateKey[] = [];
  private readonly path: string[] = [];

  constructor(readonly text: string) {}

  /** From a line start, skip blank and comment lines; stop at the next content character. */
  nextLine(): void {
    const t = this.text;
    for (;;) {
      const lineStart = this.pos;
      let p = lineStart;
      while (t.charCodeAt(p) === SPACE) p++;
      if (p >= t.length) {
        this.pos = p;
        this.indent = -1;
        return;
      }
      const c = t.charCodeAt(p);
      // The `yaml` package gives comment lines inside the document to the ranges of the nodes
      // around them by their indentation: only comments before the first node are taken here.
      if (c === HASH && this.indent !== -1) throw unsupported;
      if (c === NEWLINE || c === HASH) {
        const end = t.indexOf("\n", p);
        this.pos = end === -1 ? t.length : end + 1;
        continue;
      }
      if (p === lineStart && (t.startsWith("---", p) || t.startsWith("...", p))) throw unsupported;
      this.pos = p;
      this.indent = p - lineStart;
      return;
    }
  }

  /** After a value on its line: only spaces and a comment may follow. Moves to the next line. */
  finishLine(): number {
    const t = this.text;
    let p = this.pos;
    while (t.charCodeAt(p) === SPACE) p++;
    if (p < t.length && t.charCodeAt(p) !== NEWLINE) {
      if (t.charCodeAt(p) !== HASH || p === this.pos) throw unsupported;
      const end = t.indexOf("\n", p);
      p = end === -1 ? t.length : end;
    }
    this.pos = p < t.length ? p + 1 : p;
    return this.pos;
  }

  isSequenceEntry(): boolean {
    const c = this.text.charCodeAt(this.pos + 1);
    return this.text.charCodeAt(this.pos) === DASH && (c === SPACE || c === NEWLINE || Number.isNaN(c));
  }

  block(indent: number): Node {
    return this.isSequenceEntry() ? this.sequence(indent) : this.mapping(indent);
  }

  /** A quoted scalar at `pos` (one line, no escapes): its value and end, or undefined. */
  quoted(): { value: string; end: number } | undefined {
    const t = this.text;
    const quote = t.charCodeAt(this.pos);
    if (quote !== SQUOTE && quote !== DQUOTE) return undefined;
    let value = "";
    let from = this.pos + 1;
    for (;;) {
      let p = from;
      for (let c = t.charCodeAt(p); c !== quote; c = t.charCodeAt(++p)) {
        if (c === NEWLINE || Number.isNaN(c) || c === 92 /* \ */) throw unsupported;
      }
      value += t.slice(from, p);
      if (quote === SQUOTE && t.charCodeAt(p + 1) === SQUOTE) {
        value += "'";
        from = p + 2;
        continue;
      }
      return { value, end: p + 1 };
    }
  }

  /** A mapping key at `pos`, with the offset after its `:`; undefined when the line holds no key. */
  key(): { name: string; start: number; after: number } | undefined {
    const t = this.text;
    const start = this.pos;
    const q = this.quoted();
    let name: string;
    let p: number;
    if (q !== undefined) {
      ({ value: name, end: p } = q);
      while (t.charCodeAt(p) === SPACE) p++;
      if (t.charCodeAt(p) !== COLON) return undefined;
    } else {
      p = start;
      for (;;) {
        const c = t.charCodeAt(p);
        if (c === NEWLINE || Number.isNaN(c) || (c === HASH && t.charCodeAt(p - 1) === SPACE)) return undefined;
        if (c === COLON && isBreakOrSpace(t.charCodeAt(p + 1))) break;
        p++;
      }
      name = t.slice(start, p);
      if (t.charCodeAt(p - 1) === SPACE || !plainString(name)) throw unsupported;
    }
    if (!isBreakOrSpace(t.charCodeAt(p + 1)) || name === "__proto__" || name === "<<") throw unsupported;
    return { name, start, after: p + 1 };
  }

  /** A scalar value on the current line, then the rest of the line. */
  scalar(): Node {
    const t = this.text;
    const start = this.pos;
    const q = this.quoted();
    if (q !== undefined) {
      this.pos = q.end;
      return { start, end: q.end, next: this.finishLine(), value: q.value };
    }
    let p = start;
    let end = start;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === NEWLINE || Number.isNaN(c) || (c === HASH && t.charCodeAt(p - 1) === SPACE)) break;
      if (c === COLON && isBreakOrSpace(t.charCodeAt(p + 1))) throw unsupported;
      p++;
      if (c !== SPACE) end = p;
    }
    const raw = t.slice(start, end);
    this.pos = end;
    return { start, end, next: this.finishLine(), value: plainValue(raw) };
  }

  mapping(indent: number): Node {
    const value: Record<string, unknown> = {};
    const members = new Map<string, Member>();
    const node: Node = { start: this.pos, end: 0, next: 0, value, members };
    for (;;) {
      const key = this.key();
      if (key === undefined) throw unsupported;
      if (members.has(key.name)) {
        const pointer = [...this.path, key.name].map((s) => "/" + escapeSegment(s)).join("");
        this.duplicates.push({ pointer, key: key.name, offset: key.start });
      }
      this.pos = key.after;
      this.path.push(key.name);
      const child = this.memberValue(indent);
      this.path.pop();
      members.set(key.name, { key: key.start, node: child });
      value[key.name] = child.value;
      node.end = node.next = child.next;
      if (this.indent < indent) return node;
      if (this.indent > indent || this.isSequenceEntry()) throw unsupported;
    }
  }

  /** The value after `key:`: on the same line, or a block on the lines below. */
  private memberValue(indent: number): Node {
    const t = this.text;
    while (t.charCodeAt(this.pos) === SPACE) this.pos++;
    const c = t.charCodeAt(this.pos);
    if (c === NEWLINE || c === HASH || Number.isNaN(c)) {
      this.finishLine();
      this.nextLine();
      if (this.indent > indent) return this.block(this.indent);
      if (this.indent === indent && this.isSequenceEntry()) return this.sequence(indent);
      throw unsupported; // an empty value
    }
    const child = this.scalar();
    this.nextLine();
    return child;
  }

  sequence(indent: number): Node {
    const t = this.text;
    const items: Node[] = [];
    const value: unknown[] = [];
    const node: Node = { start: this.pos, end: 0, next: 0, value, items };
    for (;;) {
      this.pos++;
      while (t.charCodeAt(this.pos) === SPACE) this.pos++;
      const column = this.pos - (t.lastIndexOf("\n", this.pos - 1) + 1);
      const c = t.charCodeAt(this.pos);
      if (c === NEWLINE || c === HASH || Number.isNaN(c)) throw unsupported;
      this.path.push(String(items.length));
      const item = this.isSequenceEntry() ? this.sequence(column) : this.entryStartsKey() ? this.mapping(column) : this.scalarItem();
      this.path.pop();
      items.push(item);
      value.push(item.value);
      node.end = node.next = item.next;
      if (this.indent > indent) throw unsupported;
      if (this.indent < indent || !this.isSequenceEntry()) return node;
    }
  }

  private scalarItem(): Node {
    const item = this.scalar();
    this.nextLine();
    return item;
  }

  private entryStartsKey(): boolean {
    const at = this.pos;
    const key = this.key();
    this.pos = at;
    return key !== undefined;
  }
}

function isBreakOrSpace(c: number): boolean {
  return c === SPACE || c === NEWLINE || Number.isNaN(c);
}

/** A plain scalar that the core schema reads as a string: not null, a boolean, a number or an indicator. */
function plainString(raw: string): boolean {
  const lower = raw.toLowerCase();
  return raw !== "" && lower !== "true" && lower !== "false" && lower !== "null" && raw !== "~" && !NUMBER.test(raw) && !INDICATOR.test(raw);
}

function plainValue(raw: string): unknown {
  if (raw === "true") return true;
  if (raw === "false") return false;
  if (raw === "null") return null;
  if (INT.test(raw)) return Number(raw);
  if (!plainString(raw)) throw unsupported;
  return raw;
}

function nodeAt(root: Node, segments: string[]): { key?: number; node: Node } | undefined {
  let node = root;
  let key: number | undefined;
  for (const segment of segments) {
    if (node.members !== undefined) {
      const member = node.members.get(segment);
      if (member === undefined) return undefined;
      ({ key, node } = member);
    } else if (node.items !== undefined && /^(0|[1-9]\d*)$/.test(segment)) {
      const item = node.items[Number(segment)];
      if (item === undefined) return undefined;
      node = item;
      key = undefined;
    } else return undefined;
  }
  return { key, node };
}

/** The document, or undefined when the text is outside the subset (use the `yaml` package then). */
export function parseYamlFast(text: string): ParsedDocument | undefined {
  if (OUTSIDE.test(text)) return undefined;
  const reader = new Reader(text);
  let root: Node;
  try {
    reader.nextLine();
    if (reader.indent === -1) return undefined;
    root = reader.block(reader.indent);
    if (reader.indent !== -1) return undefined;
  } catch (error) {
    if (error === unsupported) return undefined;
    throw error;
  }
  let lines: ReturnType<typeof lineIndex> | undefined;
  const position = (offset: number) => (lines ??= lineIndex(text))(offset);
  const entry = (pointer: string) => {
    const segments = pointerSegments(pointer);
    return segments && nodeAt(root, segments);
  };
  return {
    value: root.value,
    duplicates: reader.duplicates,
    position,
    locate(pointer, target = "value") {
      const found = entry(pointer);
      if (found === undefined) return undefined;
      return position(target === "key" && found.key !== undefined ? found.key : found.node.start);
    },
    span(pointer): Span | undefined {
      const found = entry(pointer);
      return found && { start: found.key ?? found.node.start, valueStart: found.node.start, end: found.node.end };
    },
  };
}
