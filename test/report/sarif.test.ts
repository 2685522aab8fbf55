import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sarif, securitySeverity } from "../../src/report/sarif.js";
import { CONTEXT, SAMPLE, TERRAFORM_RESULT } from "./sample-run.js";

// The package's own bin runs the .NET executable through a shell (spaces in paths would split), so
// run the executable it names directly.
const MULTITOOL: string = createRequire(import.meta.url)("@microsoft/sarif-multitool");

/** The validator's findings on a log: its stdout and the results it wrote, with their levels. */
function validate(text: string, ruleKinds: string) {
  const dir = mkdtempSync(join(tmpdir(), "nsp-sarif-"));
  const input = join(dir, "report.sarif");
  const output = join(dir, "validation.sarif");
  writeFileSync(input, text);
  const run = spawnSync(MULTITOOL, ["validate", input, "--output", output, "--rule-kind", ruleKinds], { encoding: "utf8" });
  const results: { level?: string; ruleId: string }[] = run.status === 0 ? (JSON.parse(readFileSync(output, "utf8")).runs[0].results ?? []) : [];
  rmSync(dir, { recursive: true, force: true });
  return { status: run.status, printed: `${run.stdout}${run.stderr}`, results };
}

describe("sarif format", () => {
  const log = JSON.parse(sarif(SAMPLE, CONTEXT));
  const run = log.runs[0];

  it("is SARIF 2.1.0 with one reportingDescriptor per rule", () => {
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(CONTEXT.rules.map((r) => r.id));
    const help = [
      "**The KMS key must live in the destination region.**",
      "KMS keys are **regional**: use a key of the destination region.",
      "**How to fix:** change the request or snapshot so that it meets the rule; the [rule's page](https://example.test/docs/rules/kms-key-region.md) shows a passing and a failing example and the rule's options.",
      "AWS documentation:\n- [CopyDBClusterSnapshot](https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html)",
    ].join("\n\n");
    expect(run.tool.driver.rules[0]).toEqual({
      id: "kms-key-region",
      shortDescription: { text: "The KMS key must live in the destination region" },
      fullDescription: { text: "KMS keys are regional: use a key of the destination region.", markdown: "KMS keys are **regional**: use a key of the destination region." },
      helpUri: "https://example.test/docs/rules/kms-key-region.md",
      help: { text: expect.stringContaining("The KMS key must live in the destination region. KMS keys are regional"), markdown: help },
      defaultConfiguration: { level: "error" },
      properties: { tags: ["security", "kms"], "security-severity": "7.5" },
    });
    expect(run.tool.driver.rules[0].help.text).not.toMatch(/\*\*|`|\]\(/);
    expect(run.tool.driver.rules[3].defaultConfiguration).toEqual({ level: "none" });
  });

  it("locates results by file, line and column relative to the working directory", () => {
    expect(run.originalUriBaseIds["%SRCROOT%"].uri).toBe("file:///work/repo%20with%20space/");
    expect(run.results[0]).toMatchObject({
      ruleId: "kms-key-region",
      ruleIndex: 0,
      level: "error",
      locations: [{ physicalLocation: { artifactLocation: { uri: "copies/dr%20plan.yml", uriBaseId: "%SRCROOT%" }, region: { startLine: 4, startColumn: 11 } } }],
    });
    expect(run.results).toHaveLength(5);
  });

  it("gives live snapshots a logical location only, and custom rules no ruleIndex", () => {
    const live = run.results.find((r: { locations: { physicalLocation?: unknown }[] }) => r.locations[0]!.physicalLocation === undefined);
    expect(live.locations[0].logicalLocations[0].fullyQualifiedName).toBe("arn:aws:rds:us-east-1:111122223333:cluster-snapshot:legacy#/StorageEncrypted");
    const custom = run.results.find((r: { ruleId: string }) => r.ruleId === "dr-purpose-tag");
    expect(custom.ruleIndex).toBeUndefined();
  });

  it("gives a Terraform subject's results its resource address as the logical location", () => {
    const [result] = JSON.parse(sarif({ ...SAMPLE, results: [TERRAFORM_RESULT], inputErrors: [] }, CONTEXT)).runs[0].results;
    expect(result.locations[0].logicalLocations).toEqual([{ fullyQualifiedName: 'module.dr.aws_rds_cluster_snapshot_copy.this["graph"]', kind: "resource" }]);
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 900 });
  });

  it("reports input errors as failed-execution notifications", () => {
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain("JSON syntax error");
  });

  it("gives a finding without a position the first line of its file", () => {
    const whole = run.results.find((r: { ruleId: string }) => r.ruleId === "dr-purpose-tag");
    expect(whole.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
  });

  it("gives input errors on live listings no file location", () => {
    const live = JSON.parse(sarif({ ...SAMPLE, summary: { ...SAMPLE.summary, notRun: [] }, inputErrors: [{ file: "aws:eu-west-1", message: "AccessDenied" }] }, CONTEXT) as string);
    expect(live.runs[0].invocations[0].toolExecutionNotifications).toEqual([{ level: "error", message: { text: "AccessDenied" } }]);
  });

  it("passes Microsoft's SARIF validator, GitHub's rules included, without errors or warnings", () => {
    const { status, printed, results } = validate(sarif(SAMPLE, CONTEXT) as string, "Sarif;Gh");
    expect(status, printed).toBe(0);
    expect(printed).toContain("Analysis completed successfully");
    expect(results.filter((r) => r.level === "error" || r.level === "warning")).toEqual([]);
    expect(printed).not.toMatch(/: (error|warning) /);
  });

  it("is checked by a validator that does find faults (schema and GitHub rules)", () => {
    const broken = JSON.parse(sarif(SAMPLE, CONTEXT) as string);
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    delete broken.runs[0].tool.driver.rules[0].help;
    const { results } = validate(JSON.stringify(broken), "Sarif;Gh");
    // A schema violation (startLine below 1) and a GitHub requirement (help).
    expect(results.filter((r) => r.level === "error").map((r) => r.ruleId)).toEqual(expect.arrayContaining(["JSON1008", "GH2012"]));
  });

  it("tags every rule security plus its category, and scores it so GitHub ranks it", () => {
    const byId = new Map(run.tool.driver.rules.map((r: { id: string }) => [r.id, r]));
    expect((byId.get("copy-tags-ignored") as { properties: unknown }).properties).toEqual({ tags: ["security"], "security-severity": "2.0" });
    expect((byId.get("source-snapshot") as { properties: unknown }).properties).toEqual({ tags: ["security", "facts"], "security-severity": "5.5" });
    expect(securitySeverity({ category: "sharing", recommended: "error" })).toBe("9.5"); // critical
    expect(securitySeverity({ category: "encryption", recommended: "off" })).toBe("8.5"); // high: scored as an error when turned on
    expect(securitySeverity({ category: "sharing", recommended: "warn" })).toBe("6.5"); // one band lower
    expect(securitySeverity({ category: "tags", recommended: "warn" })).toBe("1.0"); // never below 1
  });

  it("gives a summary-only rule its summary as the full description", () => {
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === "encryption-required");
    expect(rule.fullDescription).toEqual({ text: "Encrypt.", markdown: "Encrypt." });
  });

  it("fingerprints results by file, subject, rule and pointer, so moving a request keeps its alerts", () => {
    const moved = structuredClone(SAMPLE);
    moved.results[0]!.findings[0]!.line = 40;
    moved.results[0]!.findings[0]!.column = 3;
    const again = JSON.parse(sarif(moved, CONTEXT) as string).runs[0];
    const key = Object.keys(run.results[0].partialFingerprints);
    expect(key).toEqual(["findingIdentity/v1"]);
    expect(again.results[0].partialFingerprints).toEqual(run.results[0].partialFingerprints);
    expect(again.results[0].locations[0].physicalLocation.region.startLine).toBe(40);
    // Different rule, pointer or subject: a different alert.
    const prints = run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints["findingIdentity/v1"]);
    expect(new Set(prints).size).toBe(prints.length);
    const renamed = structuredClone(SAMPLE);
    renamed.results[0]!.id = "other-target";
    expect(JSON.parse(sarif(renamed, CONTEXT) as string).runs[0].results[0].partialFingerprints).not.toEqual(run.results[0].partialFingerprints);
  });

  it("reports rules not run as notes naming the rule, once each", () => {
    const notes = run.invocations[0].toolExecutionNotifications.filter((n: { level: string }) => n.level === "note");
    expect(notes).toEqual([
      { level: "note", message: { text: "source-snapshot was not run for 4 subjects: no facts: use --inventory FILE or --live" }, descriptor: { id: "not-run", index: 0 }, associatedRule: { id: "source-snapshot", index: 4 } },
      { level: "note", message: { text: "target-exists was not run for 1 subject: no facts: use --inventory FILE or --live" }, descriptor: { id: "not-run", index: 0 }, associatedRule: { id: "target-exists", index: 5 } },
      { level: "note", message: { text: "kms-key-usable was not run for 2 subjects: known only after apply" }, descriptor: { id: "not-run", index: 0 }, associatedRule: { id: "kms-key-usable", index: 6 } },
    ]);
    expect(run.tool.driver.rules[4].id).toBe("source-snapshot");
    expect(run.tool.driver.notifications).toHaveLength(1);
    expect(run.tool.driver.notifications[0].id).toBe("not-run");
  });

  it("passes the validator with its default rules alone, too", () => {
    const { status, printed, results } = validate(sarif(SAMPLE, CONTEXT) as string, "Sarif");
    expect(status, printed).toBe(0);
    expect(results.filter((r) => r.level === "error" || r.level === "warning")).toEqual([]);
  });
});
