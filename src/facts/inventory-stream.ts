// An inventory read one snapshot at a time, for audits of any size in bounded memory: the file is
// read in chunks, the top-level object is scanned incrementally, and each element of its
// `DBClusterSnapshots` array is handed out as JSON.parse of its own slice, with a `locate` that
// finds positions inside it (line and column in the file). Memory holds one chunk and one snapshot.
//
//   const { keys } = readInventoryHead(path);          // first pass: Keys (and Marker), no snapshot built
//   for (const snap of readInventoryStream(path)) { snap.value; snap.index; snap.locate("/TagList/0/Key") }
//
// JSON only (YAML inventories and anything this reader refuses go through readInventory). Syntax
// errors and repeated keys are InputError with the file's line and column, as readInventory gives.
import { closeSync, openSync, readSync } from "node:fs";
import { findOffset, parseJson } from "../input/json.js";
import { countMembers, positionFrom, scanMembers, type ElementStart } from "../input/json-scan.js";
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
  /** Snapshots in the array (counted, not built). */
  count: number;
}

/** Bytes read at a time (tests use small ones to cross chunk boundaries everywhere). */
export const DEFAULT_CHUNK = 1 << 20;
const ARRAY = "DBClusterSnapshots";

/** A UTF-8 file read in chunks, as a window of text from the first offset still needed. */
class Window {
  text = "";
  /** Absolute offset of text[0]. */
  base = 0;
  private done = false;
  private first = true;
  private readonly fd: number;
  private readonly bytes: Buffer;
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  constructor(path: string, chunk: number) {
    this.bytes = Buffer.allocUnsafe(chunk);
    this.fd = openSync(path, "r");
  }

  close(): void {
    closeSync(this.fd);
  }

  /** Read on, dropping the text before absolute offset `keep`; false at the end of the file. */
  more(keep: number): boolean {
    if (this.done) return false;
    const n = readSync(this.fd, this.bytes, 0, this.bytes.length, null);
    const bytes = this.bytes.subarray(0, n);
    if (bytes.includes(0)) throw new InputError("is a binary file (it contains NUL bytes), not JSON or YAML");
    let chunk: string;
    try {
      chunk = this.decoder.decode(bytes, { stream: n > 0 });
    } catch {
      throw new InputError("is not valid UTF-8 text");
    }
    if (this.first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    this.first = false;
    this.done = n === 0;
    this.text = this.text.slice(keep - this.base) + chunk;
    this.base = keep;
    return true;
  }
}

/** Thrown where the text is not the plain shape this reader takes: readInventory must read it. */
class NotPlain extends Error {}

/** A forward scanner over the window, counting lines outside strings (JSON strings hold none). */
class Scanner {
  p = 0;
  line = 1;
  lineStart = 0;
  /** Absolute offset from which text must stay in the window (a value being cut out). */
  keep = 0;

  constructor(readonly w: Window) {}

  code(): number {
    const w = this.w;
    while (this.p - w.base >= w.text.length) if (!w.more(Math.min(this.keep, this.p))) return NaN;
    return w.text.charCodeAt(this.p - w.base);
  }

  /** Skip a value whose text is not needed (the window may drop it). */
  pass(): void {
    this.keep = this.p;
    this.skipValue();
  }

  ws(): number {
    for (;;) {
      const c = this.code();
      if (c === 10) {
        this.line++;
        this.lineStart = ++this.p;
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

  skipString(): void {
    this.p++;
    for (;;) {
      const c = this.code();
      if (Number.isNaN(c) || c === 10) this.fail();
      this.p++;
      if (c === 34) return;
      if (c === 92) {
        if (Number.isNaN(this.code())) this.fail();
        this.p++;
      }
    }
  }

  /** Skip one value (its syntax is checked only as far as its nesting and strings). */
  skipValue(): void {
    let depth = 0;
    for (;;) {
      const c = this.ws();
      if (Number.isNaN(c)) this.fail();
      if (c === 34) this.skipString();
      else if (c === 123 || c === 91) {
        depth++;
        this.p++;
      } else if (c === 125 || c === 93) {
        if (--depth < 0) this.fail();
        this.p++;
      } else if (c === 44 || c === 58) {
        if (depth === 0) this.fail();
        this.p++;
      } else this.p++;
      if (depth === 0) {
        const next = this.ws();
        if (next === 44 || next === 125 || next === 93 || Number.isNaN(next)) return;
        if (c !== 34 && c !== 125 && c !== 93) continue; // a number or literal goes on
        this.fail();
      }
    }
  }

  where(): ElementStart {
    return { offset: this.p, line: this.line, column: this.p - this.lineStart + 1 };
  }

  /** The text of the value at the scanner, skipped. */
  cut(): { text: string; start: ElementStart } {
    const start = this.where();
    this.keep = start.offset;
    this.skipValue();
    const text = this.w.text.slice(start.offset - this.w.base, this.p - this.w.base);
    this.keep = this.p;
    return { text, start };
  }

  key(): string {
    const from = this.p;
    this.keep = from;
    this.skipString();
    const name = JSON.parse(this.w.text.slice(from - this.w.base, this.p - this.w.base)) as string;
    this.keep = this.p;
    return name;
  }
}

/** Each top-level member: `visit` reads (or skips) the value at the scanner. */
function members(s: Scanner, visit: (name: string) => void): void {
  s.expect(123);
  const seen = new Set<string>();
  if (s.ws() === 125) return;
  for (;;) {
    if (s.ws() !== 34) s.fail();
    const name = s.key();
    if (seen.has(name)) s.fail();
    seen.add(name);
    s.expect(58);
    s.ws();
    visit(name);
    const c = s.ws();
    s.p++;
    if (c === 125) break;
    if (c !== 44) s.fail();
  }
  if (!Number.isNaN(s.ws())) s.fail();
}

function parsePlain(text: string): unknown {
  const value = JSON.parse(text) as unknown;
  if (scanMembers(text).members !== countMembers(value)) throw new NotPlain();
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

/**
 * First pass: the members beside the snapshots (Keys, Marker) and how many snapshots there are,
 * checking the file's structure on the way. Undefined when the file is not a plain JSON inventory
 * (a syntax error, a repeated top-level key, no snapshot array...): read it with readInventory,
 * which says exactly what is wrong.
 */
export function readInventoryHead(path: string, chunk = DEFAULT_CHUNK): InventoryHead | undefined {
  return withFile(path, chunk, (s) => {
    const head: InventoryHead = { keys: [], aliases: [], count: -1 };
    members(s, (name) => {
      if (name === ARRAY && s.code() === 91) head.count = countElements(s);
      else if (name === "Keys" || name === "Aliases" || name === "Marker") {
        const value = parsePlain(s.cut().text);
        if (name === "Keys") head.keys = value as KeyMetadata[];
        else if (name === "Aliases") head.aliases = value as InventoryAlias[];
        else head.marker = value;
      } else s.pass();
    });
    return head.count === -1 || !Array.isArray(head.keys) || !Array.isArray(head.aliases) ? undefined : head;
  });
}

function countElements(s: Scanner): number {
  let count = 0;
  s.p++;
  if (s.ws() === 93) {
    s.p++;
    return 0;
  }
  for (;;) {
    s.pass();
    count++;
    const c = s.ws();
    s.p++;
    if (c === 93) return count;
    if (c !== 44) s.fail();
    s.ws();
  }
}

function snapshotAt(text: string, start: ElementStart, index: number): StreamedSnapshot {
  const origin = { offset: 0, line: start.line, column: start.column };
  let value: unknown;
  try {
    value = parsePlain(text);
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
    let index = 0;
    // The array is found by the member walk; its elements are cut out and handed out one by one.
    s.expect(123);
    for (;;) {
      if (s.ws() !== 34) s.fail();
      const name = s.key();
      s.expect(58);
      if (name === ARRAY && s.ws() === 91) break;
      s.pass();
      if (s.ws() !== 44) s.fail();
      s.p++;
    }
    s.p++;
    if (s.ws() === 93) return;
    for (;;) {
      s.ws();
      const { text, start } = s.cut();
      yield snapshotAt(text, start, index++);
      const c = s.ws();
      s.p++;
      if (c === 93) return;
      if (c !== 44) s.fail();
    }
  } catch (error) {
    if (error instanceof NotPlain) throw new InputError("inventory: not a JSON object with a DBClusterSnapshots array (read it with readInventory for the details)");
    throw error;
  } finally {
    w.close();
  }
}
