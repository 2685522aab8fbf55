// Strict JSON (RFC 8259) with what JSON.parse does not give: duplicate keys, and the line and column
// of any value by JSON pointer. Values come out exactly as JSON.parse would make them (the last of
// duplicate keys wins). Positions are found on demand by a second, non-allocating scan, so files
// without findings pay nothing for them.
import type { ParsedDocument, DuplicateKey } from "./document.js";
import { InputSyntaxError, lineIndex } from "./document.js";
import { escapeSegment, pointerSegments } from "../model/pointer.js";
import { countMembers, scanMembers } from "./json-scan.js";

const MAX_DEPTH = 512;

class Parser {
  pos = 0;
  readonly duplicates: DuplicateKey[] = [];
  private readonly path: string[] = [];

  constructor(readonly text: string) {}

  fail(message: string, at = this.pos): never {
    throw new InputSyntaxError(message, at);
  }

  ws(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else break;
    }
    this.pos = p;
  }

  describe(at: number): string {
    if (at >= this.text.length) return "end of input";
    return JSON.stringify(this.text[at]);
  }

  document(): unknown {
    this.ws();
    if (this.pos >= this.text.length) this.fail("the file is empty: expected a JSON value");
    const value = this.value(0);
    this.ws();
    if (this.pos < this.text.length) this.fail(`unexpected ${this.describe(this.pos)} after the JSON value`);
    return value;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const c = this.text.charCodeAt(this.pos);
    if (c === 123 /* { */) return this.object(depth);
    if (c === 91 /* [ */) return this.array(depth);
    if (c === 34 /* " */) return this.string();
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) return this.number();
    if (this.text.startsWith("true", this.pos)) return this.literal(4, true);
    if (this.text.startsWith("false", this.pos)) return this.literal(5, false);
    if (this.text.startsWith("null", this.pos)) return this.literal(4, null);
    this.fail(`unexpected ${this.describe(this.pos)}: expected a JSON value`);
  }

  literal<T>(length: number, value: T): T {
    this.pos += length;
    return value;
  }

  object(depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.pos++;
    this.ws();
    if (this.text.charCodeAt(this.pos) === 125 /* } */) {
      this.pos++;
      return result;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== 34) this.fail(`unexpected ${this.describe(this.pos)}: expected a member name in double quotes`);
      const keyAt = this.pos;
      const key = this.string();
      this.ws();
      if (this.text.charCodeAt(this.pos) !== 58 /* : */) this.fail(`unexpected ${this.describe(this.pos)}: expected ':' after the member name`);
      this.pos++;
      this.ws();
      if (seen.has(key)) {
        this.duplicates.push({ pointer: this.pointerTo(key), key, offset: keyAt });
      }
      seen.add(key);
      this.path.push(key);
      const value = this.value(depth + 1);
      this.path.pop();
      // `__proto__` must become an own member, as JSON.parse makes it, not the object's prototype.
      if (key === "__proto__") Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      else result[key] = value;
      this.ws();
      const c = this.text.charCodeAt(this.pos);
      if (c === 44 /* , */) {
        this.pos++;
        this.ws();
        continue;
      }
      if (c === 125) {
        this.pos++;
        return result;
      }
      this.fail(`unexpected ${this.describe(this.pos)}: expected ',' or '}' in an object`);
    }
  }

  array(depth: number): unknown[] {
    const result: unknown[] = [];
    this.pos++;
    this.ws();
    if (this.text.charCodeAt(this.pos) === 93 /* ] */) {
      this.pos++;
      return result;
    }
    for (;;) {
      this.path.push(String(result.length));
      result.push(this.value(depth + 1));
      this.path.pop();
      this.ws();
      const c = this.text.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        this.ws();
        continue;
      }
      if (c === 93) {
        this.pos++;
        return result;
      }
      this.fail(`unexpected ${this.describe(this.pos)}: expected ',' or ']' in an array`);
    }
  }

  pointerTo(key: string): string {
    return [...this.path, key].map((s) => "/" + escapeSegment(s)).join("");
  }

  string(): string {
    const t = this.text;
    const start = ++this.pos;
    // Fast path: no escapes.
    let p = start;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 34) {
        this.pos = p + 1;
        return t.slice(start, p);
      }
      if (c === 92 /* \ */) break;
      if (c < 32 || Number.isNaN(c)) {
        if (Number.isNaN(c)) this.fail("unterminated string", start - 1);
        this.fail("control character in a string: escape it", p);
      }
      p++;
    }
    let out = t.slice(start, p);
    for (;;) {
      const c = t.charCodeAt(p);
      if (Number.isNaN(c)) this.fail("unterminated string", start - 1);
      if (c === 34) {
        this.pos = p + 1;
        return out;
      }
      if (c < 32) this.fail("control character in a string: escape it", p);
      if (c !== 92) {
        out += t[p];
        p++;
        continue;
      }
      const e = t[p + 1];
      switch (e) {
        case '"': out += '"'; break;
        case "\\": out += "\\"; break;
        case "/": out += "/"; break;
        case "b": out += "\b"; break;
        case "f": out += "\f"; break;
        case "n": out += "\n"; break;
        case "r": out += "\r"; break;
        case "t": out += "\t"; break;
        case "u": {
          const hex = t.slice(p + 2, p + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("bad \\u escape: expected 4 hex digits", p);
          out += String.fromCharCode(parseInt(hex, 16));
          p += 4;
          break;
        }
        default:
          this.fail(`bad escape \\${e ?? ""} in a string`, p);
      }
      p += 2;
    }
  }

  number(): number {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = this.pos;
    const m = match.exec(this.text);
    if (m === null) this.fail(`bad number`);
    const end = this.pos + m[0].length;
    const next = this.text.charCodeAt(end);
    if ((next >= 48 && next <= 57) || next === 46 || next === 101 || next === 69) this.fail("bad number", end);
    this.pos = end;
    return Number(m[0]);
  }

  /** Skip a string (valid: the text has been parsed) without building it. */
  skipString(): void {
    const t = this.text;
    const end = t.length;
    let p = this.pos + 1;
    while (p < end) {
      const c = t.charCodeAt(p);
      if (c === 34) break;
      p += c === 92 ? 2 : 1;
    }
    this.pos = p + 1;
  }

  /** Skip a number (valid: the text has been parsed). */
  skipNumber(): void {
    const t = this.text;
    let p = this.pos + 1;
    for (;;) {
      const c = t.charCodeAt(p);
      if ((c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45) p++;
      else break;
    }
    this.pos = p;
  }

  /** Skip one value (valid: the text has been parsed) without building it. */
  skip(): void {
    const c = this.text.charCodeAt(this.pos);
    if (c === 123 || c === 91) {
      const close = c === 123 ? 125 : 93;
      this.pos++;
      this.ws();
      if (this.text.charCodeAt(this.pos) === close) {
        this.pos++;
        return;
      }
      for (;;) {
        if (c === 123) {
          this.skipString();
          this.ws();
          this.pos++; // ':'
          this.ws();
        }
        this.skip();
        this.ws();
        if (this.text.charCodeAt(this.pos) === 44) {
          this.pos++;
          this.ws();
          continue;
        }
        this.pos++; // close
        return;
      }
    }
    if (c === 34) {
      this.skipString();
      return;
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      this.skipNumber();
      return;
    }
    this.pos += this.text.startsWith("false", this.pos) ? 5 : 4;
  }

  /**
   * Offset of the value (or member name) at `segments`, in an already valid document: the last
   * occurrence of a repeated key, as that is the value that counts. Undefined when absent.
   */
  find(segments: string[], wantKey: boolean, start = 0): number | undefined {
    this.pos = start;
    this.ws();
    let keyAt: number | undefined;
    for (const segment of segments) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 123) {
        let found: { key: number; value: number } | undefined;
        this.pos++;
        this.ws();
        if (this.text.charCodeAt(this.pos) === 125) return undefined;
        for (;;) {
          const at = this.pos;
          const key = this.string();
          this.ws();
          this.pos++;
          this.ws();
          if (key === segment) found = { key: at, value: this.pos };
          this.skip();
          this.ws();
          if (this.text.charCodeAt(this.pos) === 44) {
            this.pos++;
            this.ws();
            continue;
          }
          break;
        }
        if (found === undefined) return undefined;
        keyAt = found.key;
        this.pos = found.value;
      } else if (c === 91) {
        if (!/^(0|[1-9]\d*)$/.test(segment)) return undefined;
        const wanted = Number(segment);
        this.pos++;
        this.ws();
        if (this.text.charCodeAt(this.pos) === 93) return undefined;
        for (let i = 0; i < wanted; i++) {
          this.skip();
          this.ws();
          if (this.text.charCodeAt(this.pos) !== 44) return undefined;
          this.pos++;
          this.ws();
        }
        keyAt = undefined;
      } else {
        return undefined;
      }
    }
    return wantKey && keyAt !== undefined ? keyAt : this.pos;
  }
}

/**
 * Offset of the value (or member name) at `pointer`, searching from the value that starts at
 * `start`; the text must be valid JSON. Undefined when the pointer names nothing. Each call scans
 * the members it passes: for many look-ups in one text, use a JsonLocator.
 */
export function findOffset(text: string, pointer: string, target: "value" | "key" = "value", start = 0): number | undefined {
  const segments = pointerSegments(pointer);
  return segments && new Parser(text).find(segments, target === "key", start);
}

/** Work done by every JsonLocator, in characters scanned: tests use it to show positions cost O(file). */
export const locatorWork = { scanned: 0 };

interface Member {
  key: number;
  value: number;
}

/**
 * Look-ups by pointer in a valid JSON text that cost O(file) in all, however many there are: each
 * object or array on a looked-up path is scanned once, into a table of where its members (the last
 * of repeated keys) or elements start; later look-ups go through the tables.
 */
export class JsonLocator {
  private readonly scanner: Parser;
  private readonly tables = new Map<number, Map<string, Member> | number[]>();

  constructor(readonly text: string) {
    this.scanner = new Parser(text);
  }

  private table(at: number): Map<string, Member> | number[] | undefined {
    const known = this.tables.get(at);
    if (known !== undefined) return known;
    const c = this.text.charCodeAt(at);
    if (c !== 123 && c !== 91) return undefined;
    const s = this.scanner;
    const table: Map<string, Member> | number[] = c === 123 ? new Map() : [];
    s.pos = at + 1;
    s.ws();
    if (this.text.charCodeAt(s.pos) !== c + 2 /* } or ] */) {
      for (;;) {
        if (table instanceof Map) {
          const key = s.pos;
          const name = s.string();
          s.ws();
          s.pos++; // ':'
          s.ws();
          table.set(name, { key, value: s.pos });
        } else table.push(s.pos);
        s.skip();
        s.ws();
        if (this.text.charCodeAt(s.pos) !== 44) break;
        s.pos++;
        s.ws();
      }
    }
    locatorWork.scanned += s.pos + 1 - at;
    this.tables.set(at, table);
    return table;
  }

  /** Offset of the value (or member name) at `segments` below the value at `start`. */
  find(segments: string[], wantKey: boolean, start = 0): number | undefined {
    this.scanner.pos = start;
    this.scanner.ws();
    let at = this.scanner.pos;
    let keyAt: number | undefined;
    for (const segment of segments) {
      const table = this.table(at);
      if (table instanceof Map) {
        const member = table.get(segment);
        if (member === undefined) return undefined;
        keyAt = member.key;
        at = member.value;
      } else if (table !== undefined && /^(0|[1-9]\d*)$/.test(segment)) {
        const element = table[Number(segment)];
        if (element === undefined) return undefined;
        keyAt = undefined;
        at = element;
      } else return undefined;
    }
    return wantKey && keyAt !== undefined ? keyAt : at;
  }

  /** Where the value that starts at `at` ends. */
  end(at: number): number {
    this.scanner.pos = at;
    this.scanner.skip();
    locatorWork.scanned += this.scanner.pos - at;
    return this.scanner.pos;
  }
}

/**
 * JSON.parse's value when the text is one our parser takes without a word: no key repeated (as
 * many members in the text as in the value) and no nesting beyond the limit. Undefined otherwise:
 * the parser then says what and where.
 */
function quickParse(text: string): { value: unknown } | undefined {
  const scan = scanMembers(text);
  if (scan.depth > MAX_DEPTH) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return countMembers(value) === scan.members ? { value } : undefined;
}

export function parseJson(text: string): ParsedDocument {
  const quick = quickParse(text);
  const parser = quick === undefined ? new Parser(text) : undefined;
  const value = quick === undefined ? (parser as Parser).document() : quick.value;
  let lines: ReturnType<typeof lineIndex> | undefined;
  let locator: JsonLocator | undefined;
  const position = (offset: number) => (lines ??= lineIndex(text))(offset);
  const find = (pointer: string, wantKey: boolean) => {
    const segments = pointerSegments(pointer);
    return segments && (locator ??= new JsonLocator(text)).find(segments, wantKey);
  };
  return {
    value,
    duplicates: parser?.duplicates ?? [],
    position,
    locate(pointer, target = "value") {
      const offset = find(pointer, target === "key");
      return offset === undefined ? undefined : position(offset);
    },
    span(pointer) {
      const valueStart = find(pointer, false);
      if (valueStart === undefined) return undefined;
      const start = find(pointer, true) ?? valueStart;
      return { start, valueStart, end: (locator as JsonLocator).end(valueStart) };
    },
  };
}
