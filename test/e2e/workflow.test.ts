// Where users work: baselines, init, the pre-commit hook and the GitHub Action's script.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { ROOT, cli, workdir } from "../support/cli.js";
import { RELEASE_TAG, releaseRepo } from "../support/release.js";

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
  let action: string;
  let bare: string;
  let shims: string;
  const log = () => join(shims, "node.log");
  const EMPTY = { INPUT_CONFIG: "", INPUT_ACCOUNT: "", INPUT_INVENTORY: "", INPUT_RULES: "", INPUT_REQUIRE_FACTS: "false", INPUT_FORMAT: "sarif" };

  beforeAll(() => {
    // A fresh copy of the action as a workflow gets it: a clone of a release tag, and of a branch.
    const repo = releaseRepo();
    action = mkdtempSync(join(tmpdir(), "nsp-action-"));
    execFileSync("git", ["clone", "-q", "--branch", RELEASE_TAG, repo, action], { stdio: "ignore" });
    bare = mkdtempSync(join(tmpdir(), "nsp-action-branch-"));
    execFileSync("git", ["clone", "-q", repo, bare], { stdio: "ignore" });
    // The runner's node, wrapped to record each command line.
    shims = mkdtempSync(join(tmpdir(), "nsp-node-"));
    writeFileSync(join(shims, "node"), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${log()}"\nexec "${process.execPath}" "$@"\n`, { mode: 0o755 });
  }, 120_000);

  function runAction(dir: string, inputs: Record<string, string>, options: { actionPath?: string; path?: string } = {}) {
    const output = join(dir, "github-output");
    writeFileSync(output, "");
    writeFileSync(log(), "");
    const env = { ...process.env, PATH: `${options.path ?? shims}:${process.env.PATH}`, GITHUB_ACTION_PATH: options.actionPath ?? action, RUNNER_TEMP: dir, GITHUB_OUTPUT: output, INPUT_MAX_WARNINGS: "-1", ...EMPTY, ...inputs };
    const started = Date.now();
    const run = spawnSync("bash", [join(options.actionPath ?? action, "scripts/action.sh")], { cwd: dir, encoding: "utf8", env });
    return { ...run, seconds: (Date.now() - started) / 1000, outputs: readFileSync(output, "utf8"), lints: readFileSync(log(), "utf8").split("\n").filter((l) => l.includes("neptune-snapshot-policy.js lint")) };
  }

  it("declares its inputs, and sets up no Node of its own", () => {
    const spec = parseYaml(readFileSync(join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, unknown>; runs: { using: string; steps: { uses?: string; env?: Record<string, string> }[] } };
    expect(Object.keys(spec.inputs)).toEqual(["paths", "config", "max-warnings", "region", "account", "inventory", "rules", "require-facts", "format", "sarif"]);
    expect(spec.runs.using).toBe("composite");
    expect(spec.runs.steps.map((s) => s.uses).filter(Boolean)).toEqual(["github/codeql-action/upload-sarif@v3"]);
    // Every input but sarif (the upload step's) reaches the script.
    const env = spec.runs.steps[0]!.env!;
    for (const input of Object.keys(spec.inputs).filter((i) => i !== "sarif")) expect(env[`INPUT_${input.toUpperCase().replace(/-/g, "_")}`]).toBe(`\${{ inputs.${input} }}`);
  });

  it("lints once from a fresh copy of a release, installing nothing: SARIF written, annotations printed, exit code kept", () => {
    const dir = workdir({ "copies/dr.json": JSON.stringify(bad) });
    const run = runAction(dir, { INPUT_PATHS: "copies", INPUT_REGION: "us-east-1" });
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(run.lints).toHaveLength(1);
    expect(run.stdout).toMatch(/^::error file=copies\/dr.json,line=1,col=\d+,title=presigned-url::PreSignedUrl/m);
    expect(run.stdout).toMatch(/^::error file=copies\/dr.json,line=1,col=\d+,title=tag-reserved-prefix::/m);
    expect(run.stdout).toMatch(/^\d+ errors?, \d+ warnings? in 1 subject$/m);
    const sarif = join(dir, "neptune-snapshot-policy.sarif");
    expect(run.outputs).toBe(`report-file=${sarif}\nsarif-file=${sarif}\n`);
    expect(JSON.parse(readFileSync(sarif, "utf8")).version).toBe("2.1.0");
    expect(existsSync(join(action, "node_modules"))).toBe(false);
    // It starts in seconds (it took about a minute when every run did npm ci and a build).
    expect(run.seconds).toBeLessThan(20);
  });

  it("passes account, inventory, rules, require-facts and format to the one lint", () => {
    // An inventory of the account's us-east-1 snapshots without the source: the source is missing.
    const snapshot = { DBClusterSnapshotIdentifier: "other", DBClusterSnapshotArn: "arn:aws:rds:us-east-1:111122223333:cluster-snapshot:other", Status: "available", Engine: "neptune", StorageEncrypted: true };
    const dir = workdir({ "copies/dr.json": JSON.stringify(bad), "inventory.json": JSON.stringify({ DBClusterSnapshots: [snapshot] }) });
    const run = runAction(dir, {
      INPUT_PATHS: "copies",
      INPUT_REGION: "us-east-1",
      INPUT_ACCOUNT: "111122223333",
      INPUT_INVENTORY: "inventory.json",
      INPUT_RULES: ' presigned-url:off \n\n tag-reserved-prefix:warn\ntag-policy:error:{"required": ["Owner"]}\n',
      INPUT_FORMAT: "json",
    });
    expect(run.lints).toHaveLength(1);
    expect(run.lints[0]).toContain("--account 111122223333 --inventory inventory.json --rule presigned-url:off --rule tag-reserved-prefix:warn --rule tag-policy:error:{\"required\": [\"Owner\"]}");
    expect(run.status, run.stderr).toBe(1);
    const json = join(dir, "neptune-snapshot-policy.json");
    expect(run.outputs).toBe(`report-file=${json}\n`);
    const findings = (JSON.parse(readFileSync(json, "utf8")) as { results: { findings: { ruleId: string; severity: string }[] }[] }).results.flatMap((r) => r.findings);
    expect(findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(expect.arrayContaining(["tag-reserved-prefix warning", "tag-policy error", "source-snapshot error"]));
    expect(findings.map((f) => f.ruleId)).not.toContain("presigned-url");
    expect(run.stdout).toMatch(/^::warning file=copies\/dr.json,line=1,col=\d+,title=tag-reserved-prefix::/m);
    // Checks that cannot run offline are notices, or with require-facts findings.
    const offline = { INPUT_PATHS: "copies", INPUT_REGION: "us-east-1", INPUT_RULES: "presigned-url:off\ntag-reserved-prefix:off" };
    const lenient = runAction(dir, offline);
    expect(lenient.status, lenient.stdout + lenient.stderr).toBe(0);
    expect(lenient.stdout).toMatch(/^::notice title=\d+ rules not run::/m);
    const strict = runAction(dir, { ...offline, INPUT_REQUIRE_FACTS: "true" });
    expect(strict.lints[0]).toContain("--require-facts");
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/^::error file=copies\/dr.json,line=1,col=\d+,title=source-snapshot::/m);
    const wrong = runAction(dir, { INPUT_PATHS: "copies", INPUT_REQUIRE_FACTS: "yes" });
    expect(wrong.status).toBe(2);
    expect(wrong.stdout).toContain("require-facts must be true or false");
    const junit = runAction(dir, { INPUT_PATHS: "copies", INPUT_REGION: "us-east-1", INPUT_FORMAT: "junit" });
    expect(junit.lints).toHaveLength(1);
    expect(junit.outputs).toBe(`report-file=${join(dir, "neptune-snapshot-policy.xml")}\n`);
    expect(readFileSync(join(dir, "neptune-snapshot-policy.xml"), "utf8")).toContain("<testsuites");
    expect(junit.stdout).toMatch(/^::error file=copies\/dr.json,/m);
    expect(runAction(dir, { INPUT_PATHS: "copies", INPUT_FORMAT: "stylish" }).stdout).toContain("format must be sarif, json or junit, not stylish");
  });

  it.each(["sarif", "json"])("annotates an unreadable file beside the %s report and keeps exit code 2", (format) => {
    const dir = workdir({ "copies/dr.json": JSON.stringify(bad), "copies/broken.json": '{"SourceDBClusterSnapshotIdentifier": "a",\n  "KmsKeyId": }' });
    const run = runAction(dir, { INPUT_PATHS: "copies", INPUT_REGION: "us-east-1", INPUT_FORMAT: format });
    expect(run.status, run.stderr).toBe(2);
    expect(run.lints).toHaveLength(1);
    expect(run.stdout).toMatch(/^::error file=copies\/broken.json,line=2,col=\d+,title=input error::/m);
    expect(run.stdout).toMatch(/^::error file=copies\/dr.json,line=1,col=\d+,title=presigned-url::/m);
  });

  it("says what to do on a ref without the bundle, and on a runner whose Node is too old", () => {
    const dir = workdir({ "copies/dr.json": JSON.stringify(bad) });
    const branch = runAction(dir, { INPUT_PATHS: "copies" }, { actionPath: bare });
    expect(branch.status).toBe(2);
    expect(branch.stdout).toMatch(/^::error title=neptune-snapshot-policy::this ref of the action has no built bundle: use a release tag/m);
    const old = mkdtempSync(join(tmpdir(), "nsp-node18-"));
    writeFileSync(join(old, "node"), '#!/bin/sh\nif [ "$1" = --version ]; then echo v18.20.4; exit 0; fi\nexit 1\n', { mode: 0o755 });
    const engines = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;
    const tooOld = runAction(dir, { INPUT_PATHS: "copies" }, { path: old });
    expect(tooOld.status).toBe(2);
    expect(tooOld.stdout).toContain(`needs Node.js ${engines} on the runner (found v18.20.4): add actions/setup-node before this step`);
  });
});
