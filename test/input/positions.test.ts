// Positions cost O(file) per file, whatever the number of findings (issue 13, point 10): shown by
// counting the characters the locator scans, not by timing.
import { describe, expect, it } from "vitest";
import { lineIndex } from "../../src/input/document.js";
import { escapeSegment } from "../../src/model/pointer.js";
import { findOffset, locatorWork, parseJson } from "../../src/input/json.js";
import { positionFrom, scanTopLevelArray } from "../../src/input/json-scan.js";

function request(i: number): Record<string, unknown> {
  return {
    SourceDBClusterSnapshotIdentifier: `arn:aws:rds:us-east-1:111122223333:cluster-snapshot:snap-${i}`,
    TargetDBClusterSnapshotIdentifier: `9copy-${i}--`,
    KmsKeyId: "not a key",
    CopyTags: "yes",
    Tags: [
      { Key: "aws:owner", Value: "x" },
      { Key: "bad#key", Value: "v" },
      { Key: "Owner", Value: "dup" },
    ],
    PreSignedUrl: "https://example.invalid/presigned",
  };
}

/** Every pointer in a value: more look-ups than any set of findings could ask for. */
function pointers(value: unknown, base = ""): string[] {
  const out = [base];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pointers(v, `${base}/${i}`)));
  else if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) out.push(...pointers(v, `${base}/${escapeSegment(k)}`));
  return out;
}

function valueAt(value: unknown, pointer: string): unknown {
  let v = value;
  for (const segment of pointer.split("/").slice(1)) v = (v as Record<string, unknown>)[segment];
  return v;
}

describe("positions", () => {
  const items = Array.from({ length: 2800 }, (_, i) => request(i));
  const text = JSON.stringify(items, null, 2);

  it("a 1 MiB file with a look-up for every value scans it a bounded number of times", () => {
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const doc = parseJson(text);
    const all = pointers(doc.value);
    expect(all.length).toBeGreaterThan(40000);
    const before = locatorWork.scanned;
    const lines = lineIndex(text);
    all.reverse().forEach((pointer, i) => {
      const at = doc.locate(pointer);
      // The one-off scan from the start agrees (checked on a sample: it is the quadratic way).
      if (i % 499 === 0) expect(at).toEqual(lines(findOffset(text, pointer) as number));
      doc.locate(pointer, "key");
    });
    for (let i = 0; i < items.length; i++) doc.span(`/${i}/Tags/2`);
    const scanned = locatorWork.scanned - before;
    // Each object or array on a looked-up path is scanned once: the file times its nesting depth at
    // most (here 4 levels). Rescanning from the start for each look-up would be ~ look-ups × file / 2.
    expect(scanned).toBeLessThanOrEqual(4 * text.length);
  });

  it("spans are what the one-off scan gives: the key's start, the value's start and its end", () => {
    const small = '{"a": [1, {"b": "x"}],\n "c": {"d": [ ], "e": "q"}, "a": [2, {"f": null}]}';
    const doc = parseJson(small);
    for (const pointer of pointers(doc.value)) {
      const span = doc.span(pointer)!;
      const valueStart = findOffset(small, pointer) as number;
      expect(span.valueStart).toBe(valueStart);
      expect(span.start).toBe(findOffset(small, pointer, "key") ?? valueStart);
      expect(JSON.parse(small.slice(span.valueStart, span.end))).toEqual(valueAt(doc.value, pointer));
    }
    expect(doc.span("/c/x")).toBeUndefined();
    expect(doc.span("/a/2")).toBeUndefined();
  });

  it("a position inside one snapshot of a one-line inventory is counted from the snapshot, not from the end of the text", () => {
    const inventory = JSON.stringify({ DBClusterSnapshots: items.slice(0, 300) });
    const scan = scanTopLevelArray(inventory, "DBClusterSnapshots");
    const lines = lineIndex(inventory);
    for (const i of [0, 150, 299]) {
      const start = scan.elements[i]!;
      const offset = findOffset(inventory, "/Tags/1/Key", "value", start.offset) as number;
      expect(positionFrom(inventory, start, offset)).toEqual(lines(offset));
    }
    const pretty = JSON.stringify({ DBClusterSnapshots: items.slice(0, 50) }, null, 1);
    const prettyScan = scanTopLevelArray(pretty, "DBClusterSnapshots");
    const start = prettyScan.elements[49]!;
    const offset = findOffset(pretty, "/KmsKeyId", "key", start.offset) as number;
    expect(positionFrom(pretty, start, offset)).toEqual(lineIndex(pretty)(offset));
  });
});
