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
  it("handles an inventory: one subject with 150,000 findings, then 50,000 subjects with 3 each", () => {
    const finding = (i: number) => ({ ruleId: "r", severity: "warning" as const, message: "m", pointer: "", line: i + 1, column: 1 });
    const subject = (index: number, findings: ReturnType<typeof finding>[]) => ({ file: "inventory.json", subject: "snapshot" as const, id: null, index, region: null, findings });
    const results = [subject(0, Array.from({ length: 150_000 }, (_, i) => finding(i)))];
    for (let i = 0; i < 50_000; i++) results.push(subject(i + 1, [finding(150_000 + 3 * i), finding(150_001 + 3 * i), finding(150_002 + 3 * i)]));
    const big = { results, summary: { files: 1, skipped: 0, subjects: results.length, errors: 0, warnings: 300_000 }, inputErrors: [] };
    const lines = (stylish(big, CONTEXT) as string).split("\n");
    expect(lines).toHaveLength(300_004); // file, findings, blank, summary, final newline
    expect(lines[1]).toBe("  " + "     1:1  warning  m  r"); // right-aligned to the width of 300000:1
    expect(lines[300_000]).toBe("  " + "300000:1  warning  m  r");
  });
});
