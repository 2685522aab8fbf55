// The linear-time engine (re2js, picomatch) and the policy's validators are loaded only by a policy that
// needs them. Each way a policy can need them is run through the built CLI here: a missing load would be
// an internal error, and each run must also do what its glob, pattern or options say.
import { describe, expect, it } from "vitest";
import { cli, workdir } from "../support/cli.js";

const request = (target: string, tags: Record<string, string> = {}) =>
  JSON.stringify({
    SourceDBClusterSnapshotIdentifier: "graph-2026-12-01",
    TargetDBClusterSnapshotIdentifier: target,
    KmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
  });

const ruleIds = (stdout: string, file: string): string[] =>
  JSON.parse(stdout).results.filter((r: { file: string }) => r.file === file).flatMap((r: { findings: { ruleId: string }[] }) => r.findings.map((f) => f.ruleId));

describe("globs and patterns from each kind of policy", () => {
  it("--rule options with globs (target-name patterns)", async () => {
    const dir = workdir({ "a.json": request("dev-graph-copy") });
    const out = await cli(["lint", "a.json", "--no-config", "--region", "us-east-1", "--format", "json", "--rule", 'target-name:error:{"patterns":["prod-*"]}'], { cwd: dir });
    expect(out.stderr).not.toMatch(/internal error/);
    expect(ruleIds(out.stdout, "a.json")).toContain("target-name");
  });

  it("--rule options with regular expressions (tag-policy patterns)", async () => {
    const dir = workdir({ "a.json": request("graph-copy", { CostCenter: "nope" }) });
    const out = await cli(["lint", "a.json", "--no-config", "--region", "us-east-1", "--format", "json", "--rule", 'tag-policy:error:{"patterns":{"CostCenter":"^cc-[0-9]{4}$"}}'], { cwd: dir });
    expect(out.stderr).not.toMatch(/internal error/);
    expect(ruleIds(out.stdout, "a.json")).toContain("tag-policy");
  });

  it("config files, ignores and overrides globs", async () => {
    const dir = workdir({
      "snapshot-policy.yml": 'files: ["reqs/**/*.json"]\nignores: ["reqs/skip/**"]\noverrides:\n  - files: ["reqs/eu/**"]\n    region: eu-west-1\n',
      "reqs/eu/a.json": request("graph-copy"),
      "reqs/skip/b.json": request("graph-copy"),
      "other/c.json": request("graph-copy"),
    });
    const out = await cli(["lint", ".", "--format", "json"], { cwd: dir });
    expect(out.stderr).not.toMatch(/internal error/);
    const results = JSON.parse(out.stdout).results;
    expect(results.map((r: { file: string }) => r.file)).toEqual(["reqs/eu/a.json"]);
    expect(results[0].region).toBe("eu-west-1");
  });

  it("config rule options (tag-policy patterns, as the config writes them)", async () => {
    const dir = workdir({
      "snapshot-policy.yml": 'region: us-east-1\nrules:\n  tag-policy: [error, { patterns: { Owner: "^team-" } }]\n',
      "a.json": request("graph-copy", { Owner: "someone" }),
    });
    const out = await cli(["lint", "a.json", "--format", "json"], { cwd: dir });
    expect(out.stderr).not.toMatch(/internal error/);
    expect(ruleIds(out.stdout, "a.json")).toContain("tag-policy");
  });

  it("a rule enabled without the options it requires is refused, from a config and from --rule", async () => {
    const dir = workdir({ "snapshot-policy.yml": "region: us-east-1\nrules:\n  target-name: error\n", "a.json": request("graph-copy") });
    const fromConfig = await cli(["lint", "a.json"], { cwd: dir });
    expect([fromConfig.code, fromConfig.stderr]).toEqual([2, expect.stringMatching(/rule target-name: .*patterns/)]);
    const fromFlag = await cli(["lint", "a.json", "--no-config", "--region", "us-east-1", "--rule", "target-name:error"], { cwd: dir });
    expect([fromFlag.code, fromFlag.stderr]).toEqual([2, expect.stringMatching(/rule target-name: .*patterns/)]);
  });
});
