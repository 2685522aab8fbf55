// An inventory read one snapshot at a time, for audits of any size in bounded memory: the file is
// read in chunks, the top-level object is scanned incrementally, and each element of its
// `DBClusterSnapshots` array is handed out as JSON.parse of its own slice, with a `locate` that
// finds positions inside it (line and column in the file). Memory holds a chunk and one snapshot.
//
//   const { keys } = readInventoryHead(path);          // first pass: Keys, Aliases, Marker; no snapshot built
//   for (const snap of readInventoryStream(path)) { snap.value; snap.index; snap.locate("/TagList/0/Key") }
//
// JSON only (YAML inventories and anything this reader refuses go through readInventory). Syntax
// errors and repeated keys are InputError with the file's line and column, as readInventory gives.
//
// Speed: a value's extent is found by one loop over the characters outside strings (strings are
// jumped over with indexOf), which also counts the value's lines and members; each snapshot is then
// JSON.parse'd, and a repeated key shows as more members in the text than in the value. Chunks are
// checked with isUtf8 and decoded with Buffer#toString (both simdutf), not a streaming TextDecoder.
import { isAscii, isUtf8 } from "node:buffer";
import { closeSync, openSync, readSync } from "node:fs";
import { findOffset, parseJson } from "../input/json.js";
import { countMembers, positionFrom, type ElementStart } from "../input/json-scan.js";
import { InputError } from "../input/read.js";
import type { KeyMetadata, Position } from "../model/types.js";
import type { InventoryAlias } from "./inventory.js";

export interface StreamedSnapshot {
  value: unknown;
  index: number;
  /** Where the value at `pointer` (relative to this snapshot) is in the file. */
  locate(pointer: string, target?: "value" | "key"): Position | undefined;
}

export interface InventoryHead {
  keys: KeyMetadata[];
  /** KMS ListAliases entries (`Aliases`), as export writes them. */
  aliases: InventoryAlias[];
  marker?: unknown;
}

/**
 * Bytes read at a time (tests use small ones to cross chunk boundaries everywhere). 16 KiB: a text
 * of a megabyte goes to V8's large-object space, and decoding 1 MiB chunks cost 15× as much as
 * 64 KiB ones; 16 KiB keeps what survives each young-generation collection small (peak RSS 100 MiB
 * rather than 107 MiB on the 104 MiB bench inventory).
 */
export const DEFAULT_CHUNK = 1 << 14;
const ARRAY = "DBClusterSnapshots";

const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;

/** Thrown where the text is not the plain shape this reader takes: readInventory must read it. */
class NotPlain extends Error {}

/** A UTF-8 file read in chunks, as a window of text from the first offset still needed. */
class Window {
  text = "";
  /** Absolute offset of text[0]. */
  base = 0;
  done = false;
  private first = true;
  /** Bytes read but not yet decoded (a character cut by the end of the last read) are at bytes[0, carry). */
  private carry = 0;
  private bytes: Buffer;
  private readonly fd: number;

  constructor(path: string, chunk: number) {
    this.bytes = Buffer.allocUnsafe(chunk + 4);
    this.fd = openSync(path, "r");
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Read on (at least `min` bytes when there are), dropping the text before absolute offset `keep`; false at the end of the file. */
  more(keep: number, min = 0): boolean {
    if (this.done) return false;
    if (this.bytes.length < min + 4) {
      const bigger = Buffer.allocUnsafe(min + 4);
      this.bytes.copy(bigger, 0, 0, this.carry);
      this.bytes = bigger;
    }
    const n = readSync(this.fd, this.bytes, this.carry, this.bytes.length - this.carry, null);
    this.done = n === 0;
    const filled = this.carry + n;
    const end = this.done ? filled : completeUpTo(this.bytes, filled);
    let text = decode(this.bytes.subarray(0, end));
    this.bytes.copy(this.bytes, 0, end, filled);
    this.carry = filled - end;
    if (this.first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.first = false;
    this.text = this.text.slice(keep - this.base) + text;
    this.base = keep;
    return true;
  }
}

/** Text from whole UTF-8 characters (ASCII, an export's usual content, needs no further check). */
function decode(bytes: Buffer): string {
  if (bytes.includes(0)) throw new InputError("is a binary file (it contains NUL bytes), not JSON or YAML");
  if (!isAscii(bytes) && !isUtf8(bytes)) throw new InputError("is not valid UTF-8 text");
  return bytes.toString("utf8");
}

/** Where the last whole UTF-8 character of `bytes[0, length)` ends. */
function completeUpTo(bytes: Buffer, length: number): number {
  for (let back = 1; back <= 4 && back <= length; back++) {
    const b = bytes[length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const size = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return size > back ? length - back : length;
  }
  return length;
}

/** What valueEnd saw inside the value: newlines (the last one's index) and object members. */
const seen = { lines: 0, lastNewline: -1, members: 0 };

/** End of the string whose opening quote is at `p` (index of its closing quote), or -1 when the text ends first. */
function stringEnd(text: string, p: number): number {
  for (;;) {
    p = text.indexOf('"', p + 1);
    if (p === -1) return -1;
    let b = p - 1;
    while (text.charCodeAt(b) === BACKSLASH) b--;
    if ((p - 1 - b) % 2 === 0) return p;
  }
}

/**
 * End (exclusive) of the JSON value starting at text[p], or -1 when the text ends before it does.
 * Checks nesting only; JSON.parse of the slice checks the rest.
 */
function valueEnd(text: string, p: number): number {
  seen.lines = 0;
  seen.lastNewline = -1;
  seen.members = 0;
  const length = text.length;
  let depth = 0;
  for (; p < length; p++) {
    const c = text.charCodeAt(p);
    if (c === QUOTE) {
      p = stringEnd(text, p);
      if (p === -1) return -1;
      if (depth === 0) return p + 1;
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (--depth === 0) return p + 1;
      if (depth < 0) throw new NotPlain();
    } else if (c === 58) seen.members++;
    else if (c === NEWLINE) {
      seen.lines++;
      seen.lastNewline = p;
    } else if (depth === 0 && (c === 44 || c === 32 || c === 9 || c === 13)) return p; // a number or literal ends
  }
  return -1;
}

/** A forward scanner over the window: the position, and the line outside strings (JSON strings hold no newline). */
class Scanner {
  /** Index in the window's text. */
  p = 0;
  line = 1;
  /** Absolute offset of the current line's first character. */
  lineStart = 0;

  constructor(readonly w: Window) {}

  /** The character code at the scanner, reading on as needed (keeping text from `keep`); NaN at the end. */
  code(keep = this.p): number {
    while (this.p >= this.w.text.length) {
      const before = this.w.base;
      if (!this.w.more(this.w.base + Math.min(keep, this.p))) return NaN;
      this.p -= this.w.base - before;
    }
    return this.w.text.charCodeAt(this.p);
  }

  ws(): number {
    for (;;) {
      const c = this.code();
      if (c === NEWLINE) {
        this.line++;
        this.lineStart = this.w.base + ++this.p;
      } else if (c === 32 || c === 9 || c === 13) this.p++;
      else return c;
    }
  }

  fail(): never {
    throw new NotPlain();
  }

  expect(c: number): void {
    if (this.ws() !== c) this.fail();
    this.p++;
  }

  where(): ElementStart {
    const offset = this.w.base + this.p;
    return { offset, line: this.line, column: offset - this.lineStart + 1 };
  }

  /** The text of the value at the scanner (after ws()), which the scanner then passes. */
  cut(): { text: string; start: ElementStart; members: number } {
    const start = this.where();
    for (;;) {
      const end = valueEnd(this.w.text, this.p);
      if (end !== -1 && (end < this.w.text.length || this.w.done)) {
        if (end === this.p) this.fail();
        const text = this.w.text.slice(this.p, end);
        if (seen.lines > 0) {
          this.line += seen.lines;
          this.lineStart = this.w.base + seen.lastNewline + 1;
        }
        this.p = end;
        return { text, start, members: seen.members };
      }
      // The value goes on past the window (or a number might): read on, twice as much as it has so far.
      const from = this.w.base + this.p;
      if (!this.w.more(from, 2 * (this.w.text.length - this.p))) this.fail();
      this.p = from - this.w.base;
    }
  }

  key(): string {
    if (this.ws() !== QUOTE) this.fail();
    const { text } = this.cut();
    return JSON.parse(text) as string;
  }
}

/** JSON.parse of a member's value, refused when it repeats a key (more members in the text than in the value). */
function parsePlain(text: string, members: number): unknown {
  const value = JSON.parse(text) as unknown;
  if (members !== countMembers(value)) throw new NotPlain();
  return value;
}

function withFile<T>(path: string, chunk: number, read: (s: Scanner) => T): T | undefined {
  const w = new Window(path, chunk);
  try {
    return read(new Scanner(w));
  } catch (error) {
    if (error instanceof NotPlain || error instanceof SyntaxError) return undefined;
    throw error;
  } finally {
    w.close();
  }
}

/** The top-level members' names, each with the scanner at its value, which the caller passes (cut or elements) before asking for the next. */
function* memberNames(s: Scanner): Generator<string> {
  s.expect(123);
  const names = new Set<string>();
  if (s.ws() === 125) {
    s.p++;
  } else {
    for (;;) {
      const name = s.key();
      if (names.has(name)) s.fail();
      names.add(name);
      s.expect(58);
      s.ws();
      yield name;
      const c = s.ws();
      s.p++;
      if (c === 125) break;
      if (c !== 44) s.fail();
    }
  }
  if (!Number.isNaN(s.ws())) s.fail();
}

/**
 * Names of members the head must see wherever they are (a repeated array is refused by the whole
 * reader), with their closing quote: searched for without the opening one, whose byte is so common
 * that a search starting with it runs 3.5× slower; a hit is checked for it.
 */
const HEAD_MEMBERS = ["Keys", "Aliases", ARRAY].map((name) => Buffer.from(`${name}"`));

function names(window: Buffer): boolean {
  for (const name of HEAD_MEMBERS) {
    for (let at = window.indexOf(name); at !== -1; at = window.indexOf(name, at + 1)) {
      // At the window's start the byte before is not at hand: take it as a quote (a false hit only costs the full pass).
      if (at === 0 || window[at - 1] === QUOTE) return true;
    }
  }
  return false;
}

/**
 * Whether any of those names, quoted, appears in the file from byte `from` on: when none does, no
 * such member follows the snapshot array, and the head is known without reading through it. A name
 * found inside some string only costs the full first pass. (`from` is a character offset: never
 * past the byte offset of the same place, so nothing after it is missed.)
 */
function mentionedAfter(path: string, from: number, chunk: number): boolean {
  const fd = openSync(path, "r");
  try {
    const overlap = Math.max(...HEAD_MEMBERS.map((n) => n.length));
    const bytes = Buffer.allocUnsafe(Math.max(chunk, 4 * overlap) + overlap);
    let kept = 0;
    for (let at = from; ; ) {
      const n = readSync(fd, bytes, kept, bytes.length - kept, at);
      if (n === 0) return false;
      at += n;
      const window = bytes.subarray(0, kept + n);
      if (names(window)) return true;
      kept = Math.min(overlap, window.length);
      window.copy(bytes, 0, window.length - kept);
    }
  } finally {
    closeSync(fd);
  }
}

/** The elements of the array at the scanner, one by one. */
function* elements(s: Scanner): Generator<{ text: string; start: ElementStart; members: number }> {
  if (s.ws() !== 91) s.fail();
  s.p++;
  if (s.ws() === 93) {
    s.p++;
    return;
  }
  for (;;) {
    s.ws();
    yield s.cut();
    const c = s.ws();
    s.p++;
    if (c === 93) return;
    if (c !== 44) s.fail();
  }
}

/**
 * First pass: the members beside the snapshots (Keys, Aliases, Marker), checking the file's structure
 * on the way. When nothing after the snapshot array names Keys, Aliases or the array again, the pass
 * stops at the array (the usual export of snapshots only, or keys first); otherwise it reads through
 * the array. Undefined when the file is not a plain JSON inventory (a syntax error, a repeated
 * top-level key, no snapshot array...): read it with readInventory, which says exactly what is wrong.
 */
export function readInventoryHead(path: string, chunk = DEFAULT_CHUNK): InventoryHead | undefined {
  return withFile(path, chunk, (s) => {
    const head: InventoryHead = { keys: [], aliases: [] };
    let array = false;
    for (const name of memberNames(s)) {
      if (name === ARRAY && s.code() === 91) {
        if (!mentionedAfter(path, s.w.base + s.p, chunk)) return valid(head);
        array = true;
        for (const _ of elements(s));
        continue;
      }
      const { text, members } = s.cut();
      if (name === "Keys") head.keys = parsePlain(text, members) as KeyMetadata[];
      else if (name === "Aliases") head.aliases = parsePlain(text, members) as InventoryAlias[];
      else if (name === "Marker") head.marker = parsePlain(text, members);
    }
    return array ? valid(head) : undefined;
  });
}

function valid(head: InventoryHead): InventoryHead | undefined {
  return Array.isArray(head.keys) && Array.isArray(head.aliases) ? head : undefined;
}

/** The snapshot's value; a snapshot that is not valid JSON or repeats a key is an InputError naming the place. */
function snapshotAt(text: string, start: ElementStart, members: number, index: number): StreamedSnapshot {
  const origin = { offset: 0, line: start.line, column: start.column };
  let value: unknown;
  try {
    value = parsePlain(text, members);
  } catch {
    // The strict parser says what is wrong (a syntax error, a repeated key) and where.
    let doc;
    try {
      doc = parseJson(text);
    } catch (error) {
      const at = positionFrom(text, origin, (error as { offset: number }).offset);
      throw new InputError(`JSON syntax error: ${(error as Error).message}`, at.line, at.column);
    }
    const first = doc.duplicates[0];
    if (first === undefined) throw new InputError("inventory: unreadable snapshot");
    const at = positionFrom(text, origin, first.offset);
    throw new InputError(`inventory: the key ${JSON.stringify(first.key)} is repeated (at /${ARRAY}/${index}${first.pointer})`, at.line, at.column);
  }
  return {
    value,
    index,
    locate(pointer, target) {
      const offset = findOffset(text, pointer, target);
      return offset === undefined ? undefined : positionFrom(text, origin, offset);
    },
  };
}

/**
 * Second pass: the snapshots, one at a time. Call readInventoryHead first (it checks the structure
 * this pass relies on); a snapshot that is not valid JSON or repeats a key is an InputError here.
 */
export function* readInventoryStream(path: string, chunk = DEFAULT_CHUNK): Generator<StreamedSnapshot> {
  const w = new Window(path, chunk);
  try {
    const s = new Scanner(w);
    let array = false;
    // The array's elements are cut out and handed out one by one; the other members are passed, and the rest of the file checked.
    for (const name of memberNames(s)) {
      if (name !== ARRAY || s.code() !== 91) {
        s.cut();
        continue;
      }
      array = true;
      let index = 0;
      for (const { text, start, members } of elements(s)) yield snapshotAt(text, start, members, index++);
    }
    if (!array) s.fail();
  } catch (error) {
    if (error instanceof NotPlain) throw new InputError("inventory: not a JSON object with a DBClusterSnapshots array (read it with readInventory for the details)");
    throw error;
  } finally {
    w.close();
  }
}
