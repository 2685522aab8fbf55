import { describe, expect, it } from "vitest";
import { json } from "../../src/report/json.js";
import { CONTEXT, SAMPLE, TERRAFORM_RESULT } from "./sample-run.js";

const text = (...args: Parameters<typeof json>) => [...json(...args)].join("");

describe("json format", () => {
  const report = JSON.parse(text(SAMPLE, CONTEXT));
  it("has SPEC §5's members in order, plus errors for input errors", () => {
    expect(Object.keys(report)).toEqual(["tool", "results", "summary", "errors"]);
    expect(report.tool).toEqual({ name: "neptune-snapshot-policy", version: "0.1.0" });
    expect(report.summary).toEqual({ files: 3, skipped: 1, subjects: 4, errors: 3, warnings: 2, notRun: SAMPLE.summary.notRun });
    expect(report.errors).toEqual([{ file: "copies/broken.json", message: "JSON syntax error: unexpected end of input", line: 3, column: 1 }]);
  });
  it("lists every subject, with exactly the finding members of SPEC §5", () => {
    expect(report.results).toHaveLength(4);
    expect(Object.keys(report.results[0])).toEqual(["file", "subject", "id", "index", "region", "findings"]);
    expect(report.results[0].findings[0]).toEqual({ ruleId: "kms-key-region", severity: "error", message: SAMPLE.results[0]!.findings[0]!.message, pointer: "/copies/0/KmsKeyId", line: 4, column: 11 });
    expect(report.results[1]).toEqual({ file: "copies/dr plan.yml", subject: "request", id: null, index: 1, region: "us-west-2", findings: [] });
    expect(report.results[2].findings[0]).toEqual({ ruleId: "dr-purpose-tag", severity: "error", message: "DR copies must carry Purpose=dr", pointer: "" });
  });
  it("names a Terraform subject by its resource address, after its region", () => {
    const one = JSON.parse(text({ ...SAMPLE, results: [TERRAFORM_RESULT] }, CONTEXT)).results[0];
    expect(Object.keys(one)).toEqual(["file", "subject", "id", "index", "region", "address", "findings"]);
    expect(one.address).toBe('module.dr.aws_rds_cluster_snapshot_copy.this["graph"]');
  });
  it("is one line of compact JSON", () => {
    expect(text(SAMPLE, CONTEXT).trimEnd()).not.toContain("\n");
    expect(text(SAMPLE, CONTEXT).endsWith("}\n")).toBe(true);
  });
  it("leaves out errors when every input was read", () => {
    expect(Object.keys(JSON.parse(text({ ...SAMPLE, inputErrors: [] }, CONTEXT)))).toEqual(["tool", "results", "summary"]);
  });
  it("passes summary.notRun through: each rule not run, once, with its subject count and reason", () => {
    expect(report.summary.notRun).toEqual([
      { ruleId: "source-snapshot", subjects: 4, reason: "no facts: use --inventory FILE or --live" },
      { ruleId: "target-exists", subjects: 1, reason: "no facts: use --inventory FILE or --live" },
      { ruleId: "kms-key-usable", subjects: 2, reason: "known only after apply" },
    ]);
  });
});
