// The streaming inventory reader gives what readInventory gives — each snapshot's value, the
// position of any value inside it, the Keys — one snapshot at a time, across any chunk boundary.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readInventory } from "../../src/facts/inventory.js";
import { readInventoryHead, readInventoryStream } from "../../src/facts/inventory-stream.js";

function snapshot(i: number): Record<string, unknown> {
  return {
    DBClusterSnapshotIdentifier: `snap-${i}`,
    DBClusterSnapshotArn: `arn:aws:rds:us-east-1:111122223333:cluster-snapshot:snap-${i}`,
    SnapshotType: i % 2 ? "manual" : "automated",
    StorageEncrypted: true,
    KmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    TagList: [{ Key: "Owner", Value: `t\u00e9am-${i} "quoted" \\ back` }],
    PercentProgress: 100,
  };
}

const keys = [{ KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab", Arn: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", KeyManager: "CUSTOMER" }];
const dir = mkdtempSync(join(tmpdir(), "nsp-stream-"));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const POINTERS = ["", "/TagList/0/Value", "/TagList/0", "/KmsKeyId", "/PercentProgress", "/nope"];

describe("readInventoryStream", () => {
  const value = { DBClusterSnapshots: Array.from({ length: 40 }, (_, i) => snapshot(i)), Keys: keys };
  const shapes = {
    pretty: JSON.stringify(value, null, 2),
    minified: JSON.stringify(value),
    "keys first, CRLF": JSON.stringify({ Keys: keys, Marker: "m", DBClusterSnapshots: value.DBClusterSnapshots }, null, 1).replace(/\n/g, "\r\n"),
  };

  for (const [shape, text] of Object.entries(shapes)) {
    it(`gives readInventory's values, positions and keys (${shape}), whatever the chunk size`, async () => {
      const path = file(`${shape.replace(/\W/g, "-")}.json`, text);
      const whole = await readInventory(path);
      for (const chunk of [7, 64, 1000, 1 << 20]) {
        const head = readInventoryHead(path, chunk);
        expect(head?.keys).toStrictEqual(keys);
        expect(head?.count).toBe(40);
        let n = 0;
        for (const snap of readInventoryStream(path, chunk)) {
          expect(snap.index).toBe(n);
          expect(snap.value).toStrictEqual(whole.snapshots[n]);
          for (const pointer of POINTERS) {
            expect(snap.locate(pointer), `${chunk} ${n} ${pointer}`).toStrictEqual(whole.locate(n, pointer));
            expect(snap.locate(pointer, "key")).toStrictEqual(whole.locate(n, pointer, "key"));
          }
          n++;
        }
        expect(n).toBe(40);
      }
    });
  }

  it("leaves files that are not plain JSON inventories to readInventory", () => {
    expect(readInventoryHead(file("broken.json", '{"DBClusterSnapshots": [{"a": 1}'), 16)).toBeUndefined();
    expect(readInventoryHead(file("twice.json", '{"DBClusterSnapshots": [], "DBClusterSnapshots": []}'))).toBeUndefined();
    expect(readInventoryHead(file("none.json", '{"Keys": []}'))).toBeUndefined();
    expect(readInventoryHead(file("array.json", "[]"))).toBeUndefined();
    expect(readInventoryHead(file("empty.json", '{"DBClusterSnapshots": []}'))).toEqual({ keys: [], aliases: [], count: 0 });
  });

  it("names the file's line and column of a repeated key inside a snapshot, as readInventory does", async () => {
    const bad = file("bad.json", '{"DBClusterSnapshots": [\n  {"a": 1},\n  {"a": 1, "a": 2}\n]}');
    const got = [...(function* () {
      try {
        for (const s of readInventoryStream(bad, 8)) yield s.index;
      } catch (error) {
        yield error as Error & { line?: number; column?: number };
      }
    })()];
    expect(got[0]).toBe(0);
    const whole = await readInventory(bad).catch((error: Error) => error);
    expect(whole).toMatchObject({ message: 'inventory: the key "a" is repeated (at /DBClusterSnapshots/1/a)', line: 3, column: 12 });
    expect(got[1]).toMatchObject({ message: (whole as Error).message, line: 3, column: 12 });
    const syntax = file("syntax.json", '{"DBClusterSnapshots": [\n  {"a": tru}\n]}');
    expect(() => [...readInventoryStream(syntax)]).toThrow(/JSON syntax error/);
  });
});
