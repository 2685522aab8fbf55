// Strict JSON (RFC 8259) with what JSON.parse does not give: duplicate keys, and the line and column
// of any value by JSON pointer. Values come out exactly as JSON.parse would make them (the last of
// duplicate keys wins). Positions are found on demand by a second, non-allocating scan, so files
// without findings pay nothing for them.
import type { ParsedDocument, DuplicateKey } from "./document.js";
import { InputSyntaxError, lineIndex } from "./document.js";
import { escapeSegment, pointerSegments } from "../model/pointer.js";

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

  /** Skip one value without building it. */
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
          this.string();
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
      this.string();
      return;
    }
    if (c === 45 || (c >= 48 && c <= 57)) {
      this.number();
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
 * `start`; the text must be valid JSON. Undefined when the pointer names nothing.
 */
export function findOffset(text: string, pointer: string, target: "value" | "key" = "value", start = 0): number | undefined {
  const segments = pointerSegments(pointer);
  return segments && new Parser(text).find(segments, target === "key", start);
}

export function parseJson(text: string): ParsedDocument {
  const parser = new Parser(text);
  const value = parser.document();
  let lines: ReturnType<typeof lineIndex> | undefined;
  const position = (offset: number) => (lines ??= lineIndex(text))(offset);
  return {
    value,
    duplicates: parser.duplicates,
    position,
    locate(pointer, target = "value") {
      const segments = pointerSegments(pointer);
      if (segments === undefined) return undefined;
      const offset = new Parser(text).find(segments, target === "key");
      return offset === undefined ? undefined : position(offset);
    },
    span(pointer) {
      const segments = pointerSegments(pointer);
      if (segments === undefined) return undefined;
      const valueStart = new Parser(text).find(segments, false);
      if (valueStart === undefined) return undefined;
      const start = new Parser(text).find(segments, true) ?? valueStart;
      const scanner = new Parser(text);
      scanner.pos = valueStart;
      scanner.skip();
      return { start, valueStart, end: scanner.pos };
    },
  };
}
