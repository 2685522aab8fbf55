// readListedText (one readFileSync for files a folder listed) must say exactly what readText says, for
// any bytes: the same text, or the same refusal.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readListedText, readText } from "../../src/input/read.js";

const dir = mkdtempSync(join(tmpdir(), "nsp-read-"));
let n = 0;

function outcome(read: (path: string, max: number) => string, path: string, max: number): { text: string } | { error: string } {
  try {
    return { text: read(path, max) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function same(bytes: Uint8Array, max = 1 << 20): void {
  const path = join(dir, `f${n++}.json`);
  writeFileSync(path, bytes);
  expect(outcome(readListedText, path, max)).toEqual(outcome(readText, path, max));
}

const pieces = fc.constantFrom(
  [0x7b, 0x7d], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0, 0], [0, 0, 0xfe, 0xff], [0], [0xc3, 0xa9],
  [0xef, 0xbf, 0xbd], [0xc3], [0x80], [0xf0, 0x9f, 0x98, 0x80], [0xed, 0xa0, 0x80], [0x61], [0x0a], [0x0d, 0x0a],
);

describe("readListedText", () => {
  it("gives readText's text or readText's refusal for any bytes", () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), fc.constantFrom(4, 16, 1 << 20), (parts, max) => same(Uint8Array.from(parts.flat()), max)),
      { numRuns: 2000 },
    );
  });

  it("reads the usual files and refuses the others as readText does", () => {
    same(Buffer.from('{"a": "é"}\n'));
    same(Buffer.from("\uFEFFa: b\n"));
    same(Buffer.from("a: \uFFFD\n")); // a genuine replacement character
    same(Buffer.alloc(0));
    same(Buffer.from("x".repeat(40)), 32); // too large
    same(Buffer.from("é".repeat(12)), 32); // 24 bytes, 12 characters: within the limit
    expect(outcome(readListedText, join(dir, "missing.json"), 10)).toEqual({ error: "does not exist" });
  });
});
