// The walk's default file test is picomatch's meaning of DEFAULT_FILES, written out so that a plain
// lint need not load picomatch: the same answer for any path, line breaks and dot folders included.
import fc from "fast-check";
import picomatch from "picomatch";
import { describe, expect, it } from "vitest";
import { DEFAULT_FILES, isDefaultFile } from "../../src/input/walk.js";

const oracle = picomatch(DEFAULT_FILES, { dot: true });
const segment = fc.constantFrom("a", ".", "..", "", ".git", "a b", "x.json", "x.yaml", "x.yml", "x.JSON", ".json", "\n", "a\nb", "\r", "\u2028", "é", "x.json.bak", "\nx.json", "x\n.yml");

describe("isDefaultFile", () => {
  it("answers as picomatch does for DEFAULT_FILES", () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.boolean(), (parts, absolute) => {
        const path = (absolute ? "/" : "") + parts.join("/");
        expect(isDefaultFile(path)).toBe(oracle(path));
      }),
      { numRuns: 10000 },
    );
  });

  it("takes request files and leaves others", () => {
    for (const path of ["a.json", "requests/us-east-1/copy.yaml", "/abs/x.yml", ".json", "a/x\n.json"]) expect([path, isDefaultFile(path)]).toEqual([path, true]);
    for (const path of ["a.JSON", "a.json.bak", "a\nb/x.json", "a/\nx.json", "a/../x.json", "json"]) expect([path, isDefaultFile(path)]).toEqual([path, false]);
  });
});
