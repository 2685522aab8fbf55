import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/input/yaml.js";

describe("parseYaml", () => {
  it("reads YAML 1.2 core: yes is a string, numbers are numbers", () => {
    expect(parseYaml("CopyTags: yes\nn: 12\nb: true\n").value).toEqual({ CopyTags: "yes", n: 12, b: true });
  });

  it("reports repeated keys and keeps the last value", () => {
    const doc = parseYaml("a: 1\nb:\n  - Key: x\n    Key: y\na: 2\n");
    expect(doc.value).toEqual({ a: 2, b: [{ Key: "y" }] });
    expect(doc.duplicates.map((d) => [d.pointer, doc.position(d.offset)])).toEqual([
      ["/b/0/Key", { line: 4, column: 5 }],
      ["/a", { line: 5, column: 1 }],
    ]);
  });

  it("locates values, keys and empty values", () => {
    const doc = parseYaml("copies:\n  - KmsKeyId: arn:x\n    Tags:\n      - Key: k\n        Value:\n");
    expect(doc.locate("/copies/0/KmsKeyId")).toEqual({ line: 2, column: 15 });
    expect(doc.locate("/copies/0/KmsKeyId", "key")).toEqual({ line: 2, column: 5 });
    expect(doc.locate("/copies/0/Tags/0/Value")).toEqual({ line: 5, column: 9 });
    expect(doc.locate("/copies/1")).toBeUndefined();
  });

  it.each([
    ["a: [1, 2", "Flow sequence"],
    ["a: 1\n---\nb: 2\n", "multiple documents"],
    ["a: &x 1\nb: *y\n", "alias"],
    ["", "no YAML document"],
    ["x: !custom 1\n", "Unresolved tag"],
  ])("rejects %j", (text, message) => {
    expect(() => parseYaml(text)).toThrow(message);
  });

  it("stops alias bombs", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
    expect(() => parseYaml(lines.join("\n"))).toThrow();
  });
});
