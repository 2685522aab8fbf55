import { describe, expect, it } from "vitest";
import { stylish } from "../../src/report/stylish.js";
import { CONTEXT, SAMPLE } from "./sample-run.js";

describe("stylish format", () => {
  it("groups findings by file, aligned, with ESLint's summary line", () => {
    expect(stylish(SAMPLE, CONTEXT)).toBe(
      [
        "copies/dr plan.yml",
        "   4:11  error    The KMS key is in us-east-1, but the copy will live in us-west-2.  kms-key-region",
        '  12:15  warning  CopyTags & Tags: <ignored> "100%", see docs                        copy-tags-ignored',
        "",
        "copies/b.json",
        "  0:0  error    DR copies must carry Purpose=dr  dr-purpose-tag",
        "  1:1  warning  Could not verify: x.             encryption-required",
        "",
        "aws:us-east-1",
        "  0:0  error    The snapshot is not encrypted.  encryption-required",
        "",
        "✖ 5 problems (3 errors, 2 warnings) in 4 subjects in 3 files (1 skipped)",
        "",
      ].join("\n"),
    );
  });
  it("right-aligns positions and left-aligns the rest", () => {
    const lines = stylish(SAMPLE, CONTEXT).split("\n").slice(1, 3);
    expect(lines.map((l) => l.indexOf("error") === -1 ? l.indexOf("warning") : l.indexOf("error"))).toEqual([9, 9]);
  });
  it("uses colour only when asked", () => {
    expect(stylish(SAMPLE, CONTEXT)).not.toContain("\u001b[");
    const coloured = stylish(SAMPLE, { ...CONTEXT, color: true });
    expect(coloured).toContain("\u001b[31merror");
    expect(coloured).toContain("\u001b[4mcopies/b.json\u001b[24m");
  });
  it("says so when there are no problems, with singular words", () => {
    const clean = { results: [{ file: "a.json", subject: "request" as const, id: "a", index: 0, region: null, findings: [] }], summary: { files: 1, skipped: 0, subjects: 1, errors: 0, warnings: 0 }, inputErrors: [] };
    expect(stylish(clean, CONTEXT)).toBe("✔ No problems in 1 subject in 1 file\n");
    const one = { ...clean, results: [{ ...clean.results[0]!, findings: [{ ruleId: "r", severity: "error" as const, message: "m", pointer: "" }] }], summary: { ...clean.summary, errors: 1 } };
    expect(stylish(one, CONTEXT)).toContain("✖ 1 problem (1 error, 0 warnings) in 1 subject in 1 file");
  });
});
