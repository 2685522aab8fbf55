import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputSyntaxError } from "../../src/input/document.js";
import { parseJson } from "../../src/input/json.js";

describe("parseJson", () => {
  it("gives the same values as JSON.parse for any JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(parseJson(text).value).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it("accepts exactly what JSON.parse accepts, for arbitrary text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json().map((j) => j.slice(0, Math.max(0, j.length - 1)))), (text) => {
        let native: unknown;
        let nativeOk = true;
        try {
          native = JSON.parse(text);
        } catch {
          nativeOk = false;
        }
        let ours: unknown;
        let oursOk = true;
        try {
          ours = parseJson(text).value;
        } catch (error) {
          expect(error).toBeInstanceOf(InputSyntaxError);
          oursOk = false;
        }
        expect(oursOk).toBe(nativeOk);
        if (nativeOk) expect(ours).toStrictEqual(native);
      }),
      { numRuns: 500 },
    );
  });

  it("finds every repeated key, also when JSON.parse reads the values (strings holding ':' and quotes included)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 }), fc.boolean(), (object, repeat) => {
        const text = JSON.stringify(object);
        const [first] = Object.keys(object);
        const doubled = repeat ? `${text.slice(0, -1)},${JSON.stringify(first)}:{"x:\\\"":1}}` : text;
        const doc = parseJson(doubled);
        expect(doc.duplicates.map((d) => d.key)).toEqual(repeat ? [first] : []);
        expect(doc.value).toStrictEqual(JSON.parse(doubled));
      }),
      { numRuns: 300 },
    );
  });

  it("reports repeated keys at the later occurrence, keeping the last value", () => {
    const text = '{\n  "a": 1,\n  "b": {"x": 1, "x": 2},\n  "a": 3\n}';
    const doc = parseJson(text);
    expect(doc.value).toEqual({ a: 3, b: { x: 2 } });
    expect(doc.duplicates.map((d) => [d.pointer, doc.position(d.offset)])).toEqual([
      ["/b/x", { line: 3, column: 17 }],
      ["/a", { line: 4, column: 3 }],
    ]);
  });

  it("locates values and member names by pointer", () => {
    const text = '{\n  "Tags": [\n    {"Key": "a/b", "Value": "v"},\n    {"Key": "k~", "Value": 2}\n  ],\n  "x/y": true\n}';
    const doc = parseJson(text);
    expect(doc.locate("")).toEqual({ line: 1, column: 1 });
    expect(doc.locate("/Tags/1/Value")).toEqual({ line: 4, column: 28 });
    expect(doc.locate("/Tags/1/Value", "key")).toEqual({ line: 4, column: 19 });
    expect(doc.locate("/Tags/0")).toEqual({ line: 3, column: 5 });
    expect(doc.locate("/x~1y")).toEqual({ line: 6, column: 10 });
    expect(doc.locate("/Tags/2")).toBeUndefined();
    expect(doc.locate("/nope")).toBeUndefined();
    expect(doc.locate("/Tags/01")).toBeUndefined();
  });

  it("locates the last of repeated keys (the value that counts)", () => {
    const doc = parseJson('{"a": 1,\n"a": 2}');
    expect(doc.locate("/a")).toEqual({ line: 2, column: 6 });
  });

  it("keeps __proto__ as an own member, as JSON.parse does", () => {
    const value = parseJson('{"__proto__": {"polluted": true}}').value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ["", "empty"],
    ["{", "expected a member name"],
    ['{"a" 1}', "expected ':'"],
    ['{"a": 1,}', "expected a member name"],
    ["[1 2]", "expected ',' or ']'"],
    ['"abc', "unterminated string"],
    ["01", "bad number"],
    ["{} x", "after the JSON value"],
    ['"\\x"', "bad escape"],
    ["// comment\n{}", "expected a JSON value"],
    ["[" + "[".repeat(600) + "]".repeat(601), "nesting deeper"],
  ])("rejects %j with a clear message", (text, message) => {
    expect(() => parseJson(text)).toThrow(message);
  });

  it("gives the position of a syntax error", () => {
    try {
      parseJson('{\n  "a": tru\n}');
      expect.unreachable();
    } catch (error) {
      expect((error as InputSyntaxError).offset).toBe(9);
    }
  });
});
