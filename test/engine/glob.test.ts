// Config globs run on re2js (linear time) with picomatch's meaning: the same answers as picomatch for
// the texts this tool matches (relative paths, AWS identifiers, regions, key ARNs).
import picomatch from "picomatch";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { globProblem, matchesAny } from "../../src/engine/glob.js";

const GLOBS = [
  "**/*.{json,yaml,yml}", "copies/**", "copies/eu-*/**", "copies/**/*.json", "*.json", "a/*/b", "a/**/b/**", "**", "*", "?", "[a-c]*",
  "**/.hidden/*", ".*", "{a,b}/**/c", "prod-*-dr", "{dev,test}-*", "us-{east,west}-?", "eu-*", "arn:aws:kms:*:111122223333:alias/neptune-*",
  "@(a|b)", "*(a)", "x/?(y).json", "copies/archive/**", "**/x", "foo/**/",
  // Literal folders first (matched with a prefix test before the expression runs).
  "requests/us-east-1/**", "a/b.json", "a b/**", "copies.d/x-1/*.json", "a/b", "a/b/**/c", "copies/eu-west-1",
];
const TEXTS = [
  "a.json", "copies/a.json", "copies/eu-west-1/dr.yml", "copies/archive/old/x.yaml", ".hidden/x", "sub/.hidden/y", "a/x/b", "a/b", "a/b/c", "a/x/y/b/z",
  "prod-graph-dr", "PROD-graph-DR", "dev-1", "test-", "us-east-1", "us-west-2", "eu-central-1", "arn:aws:kms:us-east-1:111122223333:alias/neptune-dr",
  "arn:aws:kms:us-east-1:111122223333:alias/other", "a", "b", "aa", "x/y.json", "x/.json", "b/q/c", "c", "foo/", "foo/bar/", "x", "deep/er/x", ".env",
  "requests/us-east-1", "requests/us-east-10/x.json", "requests/us-east-1/x.json", "requests/us-east-1/", "a/b.json", "a/b.jsonx", "a b/x",
  "copies.d/x-1/y.json", "copies.d/x-1", "a/b/c/c", "copies/eu-west-1", "copies/eu-west-1/", "Requests/us-east-1/x.json",
];

describe("config globs", () => {
  for (const nocase of [false, true]) {
    it(`match as picomatch does${nocase ? " (nocase)" : ""}`, () => {
      for (const glob of GLOBS) {
        const expected = picomatch(glob, { dot: true, nocase });
        for (const text of TEXTS) expect([glob, text, matchesAny([glob], text, { nocase })]).toEqual([glob, text, expected(text)]);
      }
    });
  }

  it("match as picomatch does for any glob of folders and wildcards (the literal-folder test never rejects a match)", () => {
    const segment = fc.constantFrom("a", "b", "a.b", "a-1", "*", "**", "?", "{a,b}", "[ab]", "a*", "", "*.b", "?(a)", "*(a)", "@(a|b)", "+(a)", "{,a}", "*/");
    const name = fc.constantFrom("a", "b", "a.b", "a-1", "ab", "", "A", ".a", "aa", "b.b");
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.array(name, { minLength: 1, maxLength: 5 }), fc.boolean(), (parts, names, nocase) => {
        const glob = parts.join("/");
        const text = names.join("/");
        if (glob === "" || globProblem(glob) !== undefined) return; // the config schema refuses empty globs
        expect(matchesAny([glob], text, { nocase })).toBe(picomatch(glob, { dot: true, nocase })(text));
      }),
      { numRuns: 20000 },
    );
  });

  it("an empty text is matched as picomatch does (a lone wildcard does not match it)", () => {
    expect(matchesAny(["*"], "")).toBe(false);
    expect(matchesAny(["**"], "")).toBe(picomatch("**", { dot: true })(""));
  });

  it("refuse a negation, which only lookahead can express", () => {
    expect(globProblem("!(keep).json")).toMatch(/uses a negation/);
    expect(globProblem("**a**a**a**a**a**a**a**a**b")).toBeUndefined();
  });

  it("match a glob that backtracks for minutes in picomatch's own expression, at once", () => {
    const start = performance.now();
    expect(matchesAny(["**a**a**a**a**a**a**a**a**b"], "a".repeat(4096))).toBe(false);
    expect(matchesAny(["*a*a*a*a*b"], "a".repeat(255))).toBe(false);
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
