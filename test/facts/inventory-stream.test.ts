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
    // Broken in the array: the head stops at the array (nothing after it), the stream finds the break.
    const broken = file("broken.json", '{"DBClusterSnapshots": [{"a": 1}');
    expect(readInventoryHead(broken, 16)).toEqual({ keys: [], aliases: [] });
    expect(() => [...readInventoryStream(broken, 16)]).toThrow(/not a JSON object with a DBClusterSnapshots array/);
    expect(readInventoryHead(file("twice.json", '{"DBClusterSnapshots": [], "DBClusterSnapshots": []}'))).toBeUndefined();
    expect(readInventoryHead(file("none.json", '{"Keys": []}'))).toBeUndefined();
    expect(readInventoryHead(file("array.json", "[]"))).toBeUndefined();
    expect(readInventoryHead(file("empty.json", '{"DBClusterSnapshots": []}'))).toEqual({ keys: [], aliases: [] });
  });

  it("stops at the snapshot array when nothing after it names Keys, Aliases or the array", () => {
    // The array is broken after its first element: a head that read through it would refuse the file.
    const broken = '{"Keys": [{"KeyId": "k"}], "DBClusterSnapshots": [{"a": 1}, {"a": 2}, "x": 1], "Marker": "m"}';
    expect(readInventoryHead(file("one-pass.json", broken), 8)).toEqual({ keys: [{ KeyId: "k" }], aliases: [] });
    // A name inside a longer string is no member: still one pass.
    expect(readInventoryHead(file("in-a-string.json", '{"DBClusterSnapshots": [{"Tag": "MyKeys", "b": "xAliases"}, "x": 1]}'), 8)).toEqual({ keys: [], aliases: [] });
    // With Keys after the array, the head must read through it, and so finds the break.
    expect(readInventoryHead(file("keys-after.json", '{"DBClusterSnapshots": [{"a": 1}, {"a": 2}, "x": 1], "Keys": []}'), 8)).toBeUndefined();
    const after = file("aliases-after.json", JSON.stringify({ DBClusterSnapshots: [snapshot(1)], Keys: keys, Aliases: [{ AliasName: "alias/a", AliasArn: "arn:aws:kms:us-east-1:111122223333:alias/a", TargetKeyId: "k" }] }));
    expect(readInventoryHead(after, 16)).toEqual({ keys, aliases: [{ AliasName: "alias/a", AliasArn: "arn:aws:kms:us-east-1:111122223333:alias/a", TargetKeyId: "k" }] });
  });

  it("checks the rest of the file after the array as it streams", () => {
    const twice = file("array-twice.json", '{"DBClusterSnapshots": [{"a": 1}], "DBClusterSnapshots": []}');
    const seen: number[] = [];
    expect(() => {
      for (const s of readInventoryStream(twice, 8)) seen.push(s.index);
    }).toThrow(/not a JSON object with a DBClusterSnapshots array/);
    expect(seen).toEqual([0]);
    expect(() => [...readInventoryStream(file("unclosed.json", '{"DBClusterSnapshots": [{"a": 1}], "Marker": "m"'))]).toThrow(/not a JSON object/);
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
