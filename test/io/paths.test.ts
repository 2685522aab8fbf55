// relativeSlashed is path.relative with forward slashes; its shortcut for plain paths below the
// folder must give exactly what path.relative gives, for any pair of paths.
import { relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relativeSlashed } from "../../src/io/paths.js";

const segment = fc.constantFrom("a", "b", ".", "..", "", ".hidden", "a b", "x.json", "a\\b", "é");
const path = fc.array(segment, { maxLength: 5 }).map((parts) => "/" + parts.join("/"));

describe("relativeSlashed", () => {
  it("equals path.relative with backslashes turned into slashes", () => {
    fc.assert(
      fc.property(path, path, (from, to) => {
        expect(relativeSlashed(from, to)).toBe(relative(from, to).split("\\").join("/"));
      }),
      { numRuns: 5000 },
    );
  });

  it("cuts a plain path below the folder", () => {
    expect(relativeSlashed("/w/repo", "/w/repo/requests/us-east-1/a.json")).toBe("requests/us-east-1/a.json");
    expect(relativeSlashed("/w/repo", "/w/repo")).toBe("");
    expect(relativeSlashed("/w/repo", "/w/repository/a.json")).toBe("../repository/a.json");
    expect(relativeSlashed("/w/repo", "/w/repo/x/../y.json")).toBe("y.json");
    expect(relativeSlashed("/", "/a/b")).toBe("a/b");
  });
});
