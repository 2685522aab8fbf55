import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { sarif } from "../../src/report/sarif.js";
import { CONTEXT, SAMPLE } from "./sample-run.js";

const MULTITOOL = resolve(__dirname, "../../node_modules/.bin/sarif-multitool");

describe("sarif format", () => {
  const log = JSON.parse(sarif(SAMPLE, CONTEXT));
  const run = log.runs[0];

  it("is SARIF 2.1.0 with one reportingDescriptor per rule", () => {
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(CONTEXT.rules.map((r) => r.id));
    expect(run.tool.driver.rules[0]).toEqual({
      id: "kms-key-region",
      shortDescription: { text: "The KMS key must live in the destination region" },
      helpUri: "https://example.test/docs/rules/kms-key-region.md",
      defaultConfiguration: { level: "error" },
    });
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

  it("reports input errors as failed-execution notifications", () => {
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain("JSON syntax error");
  });

  it("passes Microsoft's SARIF validator with zero errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "nsp-sarif-"));
    const input = join(dir, "report.sarif");
    const output = join(dir, "validation.sarif");
    writeFileSync(input, sarif(SAMPLE, CONTEXT));
    const printed = execFileSync(MULTITOOL, ["validate", input, "--output", output], { encoding: "utf8" });
    expect(printed).toContain("Analysis completed successfully");
    const validation = JSON.parse(readFileSync(output, "utf8"));
    const problems = validation.runs[0].results ?? [];
    expect(problems.filter((p: { level?: string }) => p.level === "error")).toEqual([]);
    expect(printed).not.toMatch(/: error /);
  });
});
