import { describe, expect, it } from "vitest";
import type { RunResult } from "../../src/model/types.js";
import { stylish, wrap } from "../../src/report/stylish.js";
import { CONTEXT, SAMPLE } from "./sample-run.js";

const NO_NOTICES = { ...SAMPLE, summary: { ...SAMPLE.summary, notRun: [] } };
const clean: RunResult = {
  results: [{ file: "a.json", subject: "request", id: "a", index: 0, region: null, findings: [] }],
  summary: { files: 1, skipped: 0, subjects: 1, errors: 0, warnings: 0, notRun: [] },
  inputErrors: [],
};

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
        "  legacy  error    The snapshot is not encrypted.  encryption-required",
        "",
        "✖ 5 problems (3 errors, 2 warnings) in 4 subjects in 3 files (1 skipped); 1 input error: the run is incomplete",
        "",
        "ℹ 2 rules not run: source-snapshot (4 subjects), target-exists (1 subject) — no facts: use --inventory FILE or --live",
        "ℹ 1 rule not run: kms-key-usable (2 subjects) — known only after apply",
        "",
      ].join("\n"),
    );
  });
  it("names live snapshots (no line) by identifier, and by ARN when two in one file share it", () => {
    const arn = (account: string, id: string) => `arn:aws:rds:us-east-1:${account}:cluster-snapshot:${id}`;
    const finding = { ruleId: "encryption-required", severity: "error" as const, message: "The snapshot is not encrypted.", pointer: "/StorageEncrypted" };
    const results = [arn("111122223333", "a"), arn("444455556666", "a"), arn("111122223333", "rds:b")].map((id, index) => ({ file: "aws:us-east-1", subject: "snapshot" as const, id, index, region: "us-east-1", findings: [finding] }));
    const text = stylish({ ...SAMPLE, results, summary: { ...SAMPLE.summary, errors: 3, warnings: 0 } }, CONTEXT);
    expect(text).toContain(`  ${arn("111122223333", "a")}  error`);
    expect(text).toContain(`  ${arn("444455556666", "a")}  error`);
    expect(text).toMatch(/^ +rds:b  error/m);
    expect(text).not.toContain("0:0");
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
    expect(stylish(clean, CONTEXT)).toBe("✔ No problems in 1 subject in 1 file\n");
    const one = { ...clean, results: [{ ...clean.results[0]!, findings: [{ ruleId: "r", severity: "error" as const, message: "m", pointer: "" }] }], summary: { ...clean.summary, errors: 1 } };
    expect(stylish(one, CONTEXT)).toContain("✖ 1 problem (1 error, 0 warnings) in 1 subject in 1 file");
  });
  it("handles an inventory: one subject with 150,000 findings, then 50,000 subjects with 3 each", () => {
    const finding = (i: number) => ({ ruleId: "r", severity: "warning" as const, message: "m", pointer: "", line: i + 1, column: 1 });
    const subject = (index: number, findings: ReturnType<typeof finding>[]) => ({ file: "inventory.json", subject: "snapshot" as const, id: null, index, region: null, findings });
    const results = [subject(0, Array.from({ length: 150_000 }, (_, i) => finding(i)))];
    for (let i = 0; i < 50_000; i++) results.push(subject(i + 1, [finding(150_000 + 3 * i), finding(150_001 + 3 * i), finding(150_002 + 3 * i)]));
    const big = { results, summary: { files: 1, skipped: 0, subjects: results.length, errors: 0, warnings: 300_000, notRun: [] }, inputErrors: [] };
    const lines = (stylish(big, CONTEXT) as string).split("\n");
    expect(lines).toHaveLength(300_004); // file, findings, blank, summary, final newline
    expect(lines[1]).toBe("  " + "     1:1  warning  m  r"); // right-aligned to the width of 300000:1
    expect(lines[300_000]).toBe("  " + "300000:1  warning  m  r");
  });

  it("never prints the green line when some input could not be read", () => {
    const unread = { ...clean, inputErrors: [{ file: "b.json", message: "JSON syntax error", line: 1, column: 2 }] };
    const text = stylish(unread, CONTEXT) as string;
    expect(text).not.toContain("No problems");
    expect(text).not.toContain("✔");
    expect(text).toBe("✖ 1 input error: the run is incomplete (no problems in the 1 subject in 1 file that could be read)\n");
    expect(stylish(unread, { ...CONTEXT, color: true })).not.toContain("\u001b[32m");
  });
  it("says once per reason which rules were not run, on how many subjects, and how to supply facts", () => {
    const notRun = [
      { ruleId: "source-snapshot", subjects: 4, reason: "no facts: use --inventory FILE or --live" },
      { ruleId: "target-exists", subjects: 4, reason: "no facts: use --inventory FILE or --live" },
    ];
    const text = stylish({ ...clean, summary: { ...clean.summary, notRun } }, CONTEXT) as string;
    expect(text).toBe("✔ No problems in 1 subject in 1 file\n\nℹ 2 rules not run: source-snapshot (4 subjects), target-exists (4 subjects) — no facts: use --inventory FILE or --live\n");
  });
  it("counts the findings a fix can repair, as ESLint does", () => {
    const fixable: RunResult = {
      ...clean,
      results: [
        {
          ...clean.results[0]!,
          findings: [
            { ruleId: "r", severity: "error", message: "m", pointer: "/CopyTags", fix: { op: "remove", pointer: "/CopyTags" } },
            { ruleId: "r", severity: "warning", message: "m", pointer: "/CopyTags", fix: { op: "remove", pointer: "/CopyTags" } },
            { ruleId: "r", severity: "warning", message: "m", pointer: "/CopyTags", fix: { op: "remove", pointer: "/CopyTags" } },
            { ruleId: "r", severity: "warning", message: "m", pointer: "" },
          ],
        },
      ],
      summary: { ...clean.summary, errors: 1, warnings: 3 },
    };
    const lines = (stylish(fixable, CONTEXT) as string).split("\n");
    expect(lines).toContain("  1 error and 2 warnings potentially fixable with the `--fix` option.");
    expect(stylish(NO_NOTICES, CONTEXT)).not.toContain("fixable");
  });
  it("wraps messages under their own column to fit the terminal width", () => {
    const text = stylish(NO_NOTICES, { ...CONTEXT, width: 70 }) as string;
    const lines = text.split("\n");
    const findingLines = lines.filter((l) => l.startsWith("  "));
    for (const line of findingLines) expect(line.length, line).toBeLessThanOrEqual(70);
    // The first finding's message goes on under the message column, the rule id stays on its first line.
    const i = lines.indexOf("   4:11  error    The KMS key is in us-east-1, but   kms-key-region");
    expect(i, text).toBeGreaterThan(0);
    expect(lines[i + 1]).toBe("                  the copy will live in us-west-2.");
    // No width (a file or a pipe): one line per finding, as before.
    expect(stylish(NO_NOTICES, CONTEXT)).toContain("   4:11  error    The KMS key is in us-east-1, but the copy will live in us-west-2.  kms-key-region");
  });
  it("breaks text at spaces and cuts words longer than a line", () => {
    expect(wrap("aa bb cc", 5)).toEqual(["aa bb", "cc"]);
    expect(wrap("abcdefghij x", 4)).toEqual(["abcd", "efgh", "ij x"]);
    expect(wrap("", 4)).toEqual([""]);
  });
  it("links rule ids to their docs with OSC 8 only when links and colour are both on", () => {
    const link = "\u001b]8;;https://example.test/docs/rules/kms-key-region.md\u001b\\kms-key-region\u001b]8;;\u001b\\";
    expect(stylish(SAMPLE, { ...CONTEXT, color: true, links: true })).toContain(link);
    expect(stylish(SAMPLE, { ...CONTEXT, color: false, links: true })).not.toContain("\u001b]8;;");
    expect(stylish(SAMPLE, { ...CONTEXT, color: true })).not.toContain("\u001b]8;;");
    // A rule the context does not know (a custom rule here) stays plain text.
    expect(stylish(SAMPLE, { ...CONTEXT, color: true, links: true })).not.toContain("\u001b\\dr-purpose-tag");
  });
});
