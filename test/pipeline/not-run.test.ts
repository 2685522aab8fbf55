// SPEC §4: a check that could not run is said once per rule, or per subject for a missing destination,
// or made a finding with --require-facts.
import { describe, expect, it } from "vitest";
import type { NotRun } from "../../src/engine/runner.js";
import type { Subject } from "../../src/model/types.js";
import { NotRunTally, settleNotRun } from "../../src/pipeline/not-run.js";

const request: Subject = { kind: "request", file: "a.json", index: 0, pointer: "/copies/0", value: {} };
const fact = (ruleId: string, severity: "error" | "warning" = "error"): NotRun => ({ ruleId, severity, cause: "sourceSnapshot", detail: "whether the source exists" });
const region = (ruleId: string): NotRun => ({ ruleId, severity: "error", cause: "destinationRegion", detail: "the key's region" });

describe("settleNotRun", () => {
  it("leaves fact checks to the run's notice, with no finding", () => {
    const settled = settleNotRun(request, [fact("source-snapshot"), fact("target-exists")], { requireFacts: false, factOrigin: "none" });
    expect(settled.findings).toEqual([]);
    expect(settled.tally.map((n) => n.ruleId)).toEqual(["source-snapshot", "target-exists"]);
  });

  it("makes one warning of every rule a missing destination held back", () => {
    const settled = settleNotRun(request, [region("kms-key-region"), region("source-arn-required"), { ...region("kms-key-required"), cause: "destinationAccount" }], { requireFacts: false, factOrigin: "none" });
    expect(settled.tally).toEqual([]);
    expect(settled.findings).toHaveLength(1);
    expect(settled.findings[0]).toMatchObject({ ruleId: "destination-unknown", severity: "warning", pointer: "/copies/0" });
    expect(settled.findings[0]!.message).toBe(
      "No destination region or account is known, so 3 rules (kms-key-region, source-arn-required, kms-key-required) could not judge this request: " +
        "give the plan a `region`, or use --region, the config's `region`, or AWS_REGION; give the plan an `account`, or use --account, the config's `account`, or --live.",
    );
  });

  it("with --require-facts, makes each check a finding at its rule's severity", () => {
    const settled = settleNotRun({ ...request, region: "us-east-1" }, [fact("source-snapshot"), fact("tag-policy", "warning"), region("kms-key-region")], { requireFacts: true, factOrigin: "inventory" });
    expect(settled.tally).toEqual([]);
    expect(settled.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ["destination-unknown", "error"],
      ["source-snapshot", "error"],
      ["tag-policy", "warning"],
    ]);
    expect(settled.findings[1]!.message).toBe("Could not verify: whether the source exists: the inventory holds no listing of the region concerned (export that region, or use --live).");
  });

  it("with facts at hand, a fact a request without a region could not be looked up for is the missing region's doing", () => {
    const settled = settleNotRun(request, [fact("source-snapshot"), { ...fact("snapshot-public"), cause: "shareAttributes" }], { requireFacts: false, factOrigin: "inventory" });
    expect(settled.findings.map((f) => f.ruleId)).toEqual(["destination-unknown"]);
    expect(settled.findings[0]!.message).toContain("1 rule (source-snapshot)");
    expect(settled.tally.map((n) => n.ruleId)).toEqual(["snapshot-public"]);
  });
});

describe("NotRunTally", () => {
  it("counts subjects per rule, in rule order, with one reason each", () => {
    const tally = new NotRunTally("none");
    tally.add([fact("target-exists"), fact("source-snapshot")]);
    tally.add([fact("source-snapshot"), { ruleId: "request-schema", severity: "error", cause: "afterApply", detail: "x" }]);
    expect(tally.notices(["request-schema", "source-snapshot", "target-exists"])).toEqual([
      { ruleId: "request-schema", subjects: 1, reason: "the value is known only after terraform apply" },
      { ruleId: "source-snapshot", subjects: 2, reason: "no facts: use --inventory FILE or --live" },
      { ruleId: "target-exists", subjects: 1, reason: "no facts: use --inventory FILE or --live" },
    ]);
  });
});
