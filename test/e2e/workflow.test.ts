// Where users work: baselines, init, the pre-commit hook and the GitHub Action's script.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { ROOT, cli, workdir } from "../support/cli.js";

const bad = { SourceDBClusterSnapshotIdentifier: "graph-prod", TargetDBClusterSnapshotIdentifier: "graph-prod-copy", KmsKeyId: "alias/neptune", PreSignedUrl: "x", Tags: [{ Key: "aws:team", Value: "graph" }] };
const OFFLINE = ["source-snapshot", "target-exists", "kms-key-usable", "kms-key-unencrypted-source", "encryption-required"].flatMap((id) => ["--rule", `${id}:off`]);

describe("lint --baseline", () => {
  it("reports only findings beyond the baseline, matched without line numbers", async () => {
    const dir = workdir({ "a.json": JSON.stringify(bad, null, 2) });
    const written = await cli(["lint", "a.json", "--region", "us-east-1", "--write-baseline", "baseline.json", "--format", "json", ...OFFLINE], { cwd: dir });
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toMatch(/Wrote 2 findings to the baseline baseline.json/);
    const baseline = JSON.parse(readFileSync(join(dir, "baseline.json"), "utf8"));
    expect(baseline).toEqual({
      version: 1,
      findings: [
        { file: "a.json", id: "graph-prod-copy", ruleId: "presigned-url", pointer: "/PreSignedUrl" },
        { file: "a.json", id: "graph-prod-copy", ruleId: "tag-reserved-prefix", pointer: "/Tags/0/Key" },
      ],
    });
    // Lines move (a comment-free reformat) and a new problem appears: only the new one is reported.
    writeFileSync(join(dir, "a.json"), JSON.stringify({ ...bad, Tags: [...bad.Tags, { Key: "rds:x", Value: "y" }] }));
    const out = await cli(["lint", "a.json", "--region", "us-east-1", "--baseline", "baseline.json", "--format", "json", ...OFFLINE], { cwd: dir });
    const findings = JSON.parse(out.stdout).results[0].findings;
    expect(findings.map((f: { ruleId: string; pointer: string }) => `${f.ruleId} ${f.pointer}`)).toEqual(["tag-reserved-prefix /Tags/1/Key"]);
    expect(JSON.parse(out.stdout).summary).toMatchObject({ errors: 1, warnings: 0 });
    expect(out.code).toBe(1);
  });

  it("exits 2 for a missing or malformed baseline", async () => {
    const dir = workdir({ "a.json": JSON.stringify(bad), "b.json": "{}" });
    expect((await cli(["lint", "a.json", "--baseline", "nope.json"], { cwd: dir })).stderr).toMatch(/--baseline nope.json does not exist/);
    const malformed = await cli(["lint", "a.json", "--baseline", "b.json"], { cwd: dir });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/--baseline b.json is not a baseline/);
  });
});

describe("init", () => {
  it("writes a commented config that loads, with the organisation rules shown but off, and never overwrites", async () => {
    const dir = workdir({});
    const out = await cli(["init"], { cwd: dir });
    expect(out.code, out.stderr).toBe(0);
    const text = readFileSync(join(dir, "snapshot-policy.yml"), "utf8");
    expect(text).toContain("# tag-policy: [error, { required: [Owner, CostCenter]");
    expect(text).toContain("# kms-key-allowed: [error");
    expect(text).toContain("# region-allowed: [error");
    const config = parseYaml(text);
    expect(config.rules["kms-key-region"]).toBe("error");
    expect(config.rules["copy-tags-ignored"]).toBe("warn");
    expect(config.rules["tag-policy"]).toBeUndefined();
    // The written config is a valid one: lint uses it.
    writeFileSync(join(dir, "a.json"), JSON.stringify(bad));
    const lint = await cli(["lint", "a.json", "--region", "us-east-1", "--format", "json"], { cwd: dir });
    expect(lint.code).toBe(1);
    const again = await cli(["init"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/snapshot-policy.yml already exists here; init never overwrites/);
  });
});

describe("pre-commit hook", () => {
  it("runs the hook's entry on the files a commit changes, as pre-commit would", async () => {
    const hook = (parseYaml(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as { entry: string; files: string; exclude: string; pass_filenames: boolean }[])[0]!;
    expect(hook.pass_filenames).toBe(true);
    const dir = workdir({
      "copies/dr.json": JSON.stringify(bad),
      "copies/ok.yaml": "SourceDBClusterSnapshotIdentifier: graph-prod\nTargetDBClusterSnapshotIdentifier: graph-prod-dr\nKmsKeyId: alias/neptune\n",
      "package.json": '{"name": "infra"}',
      "tsconfig.json": "{ // comments are fine here\n}",
      "snapshot-policy.yml": "region: us-east-1\nrules: { source-snapshot: off, target-exists: off, kms-key-usable: off, kms-key-unencrypted-source: off, encryption-required: off }\n",
      "README.md": "# infra",
    });
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" });
    git("init", "-q");
    git("add", ".");
    const staged = git("diff", "--cached", "--name-only").trim().split("\n");
    const files = staged.filter((f) => new RegExp(hook.files).test(f) && !new RegExp(hook.exclude).test(f));
    expect(files.sort()).toEqual(["copies/dr.json", "copies/ok.yaml", "package.json", "tsconfig.json"]);
    const [command, ...entryArgs] = hook.entry.split(" ");
    expect(command).toBe("neptune-snapshot-policy");
    const run = spawnSync(process.execPath, [join(ROOT, "bin/neptune-snapshot-policy.js"), ...entryArgs, ...files], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain("copies/dr.json");
    expect(run.stdout).toContain("presigned-url");
    expect(run.stdout).not.toContain("package.json");
    expect(run.stdout).toMatch(/in 2 subjects in 2 files \(2 skipped\)/);
  });
});

describe("GitHub Action", () => {
  it("declares its inputs and runs its script: SARIF written, annotations printed, exit code kept", async () => {
    const action = parseYaml(readFileSync(join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, unknown>; runs: { using: string; steps: { uses?: string }[] } };
    expect(Object.keys(action.inputs)).toEqual(["paths", "config", "max-warnings", "region", "sarif"]);
    expect(action.runs.using).toBe("composite");
    expect(action.runs.steps.map((s) => s.uses).filter(Boolean)).toEqual(["actions/setup-node@v4", "github/codeql-action/upload-sarif@v3"]);
    const dir = workdir({ "copies/dr.json": JSON.stringify(bad) });
    const output = join(dir, "github-output");
    writeFileSync(output, "");
    const env = { ...process.env, GITHUB_ACTION_PATH: ROOT, NSP_ACTION_SKIP_INSTALL: "1", RUNNER_TEMP: dir, GITHUB_OUTPUT: output, INPUT_PATHS: "copies", INPUT_REGION: "us-east-1", INPUT_MAX_WARNINGS: "-1", INPUT_CONFIG: "" };
    const run = spawnSync("bash", [join(ROOT, "scripts/action.sh")], { cwd: dir, encoding: "utf8", env });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^::error file=copies\/dr.json,line=1,col=\d+,title=presigned-url::/m);
    expect(readFileSync(output, "utf8")).toBe(`sarif-file=${join(dir, "neptune-snapshot-policy.sarif")}\n`);
    expect(JSON.parse(readFileSync(join(dir, "neptune-snapshot-policy.sarif"), "utf8")).version).toBe("2.1.0");
    expect(existsSync(join(dir, "neptune-snapshot-policy.sarif"))).toBe(true);
  });
});
