// The command line as a user meets it: mistakes get help, --help is per command, several reports in
// one run, a reader that closes early.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, cli, workdir } from "../support/cli.js";
import { TOOL_VERSION } from "../../src/cli/package-info.js";

const good = {
  SourceDBClusterSnapshotIdentifier: "graph-prod-2026-11-01",
  TargetDBClusterSnapshotIdentifier: "graph-prod-2026-11-01-copy",
  KmsKeyId: "alias/neptune",
};
const bad = { ...good, TargetDBClusterSnapshotIdentifier: "bad--target" };

function usageError(out: { code: number; stderr: string }, message: RegExp) {
  expect(out.code, out.stderr).toBe(2);
  expect(out.stderr).toMatch(message);
  expect(out.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
}

describe("mistakes get help", () => {
  it("suggests the option meant for a mistyped one", async () => {
    const dir = workdir({ "a.json": JSON.stringify(good) });
    usageError(await cli(["lint", "a.json", "--regoin", "us-east-1"], { cwd: dir }), /^neptune-snapshot-policy: unknown option --regoin \(did you mean --region\?\)\nRun with --help for usage\.\n$/);
    usageError(await cli(["lint", "a.json", "--max-warning", "0"], { cwd: dir }), /unknown option --max-warning \(did you mean --max-warnings\?\)\n/);
    usageError(await cli(["lint", "a.json", "--no-colour"], { cwd: dir }), /unknown option --no-colour \(did you mean --no-color\?\)\n/);
    usageError(await cli(["lint", "a.json", "-f"], { cwd: dir }), /^neptune-snapshot-policy: -f needs a value\n/);
    // Only the command's own options are candidates: copy has no --inventory-like --baseline.
    usageError(await cli(["audit", "--baselin", "x"], { cwd: dir }), /unknown option --baselin for audit\n/);
  });
  it("suggests the command meant, or lists the commands", async () => {
    usageError(await cli(["lnt", "."]), /unknown command lnt \(did you mean lint\?\)/);
    usageError(await cli(["frobnicate"]), /unknown command frobnicate \(the commands are lint, audit, copy, export, init, rules\)/);
  });
  it("prints the version for --version and -v", async () => {
    for (const flag of ["--version", "-v"]) {
      const out = await cli([flag]);
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).toBe(`${TOOL_VERSION}\n`);
    }
  });
  it("refuses an unknown --region with the nearest known one", async () => {
    const dir = workdir({ "a.json": JSON.stringify(good) });
    usageError(await cli(["lint", "a.json", "--region", "us-est-1"], { cwd: dir }), /--region us-est-1 is not a known region \(did you mean us-east-1\?\)/);
    usageError(await cli(["audit", "--live", "--region", "eu-wset-1"], { cwd: dir }), /--region eu-wset-1 is not a known region \(did you mean eu-west-1\?\)/);
  });
  it("refuses an unknown region in the config, at its line, with the nearest known one", async () => {
    const dir = workdir({ "snapshot-policy.yml": "rules: {}\nregion: us-est-1\n", "a.json": JSON.stringify(good) });
    usageError(await cli(["lint", "a.json"], { cwd: dir }), /snapshot-policy\.yml:2:9: config: region us-est-1 is not a known region \(did you mean us-east-1\?\) \(at \/region\)/);
    const override = workdir({ "snapshot-policy.yml": "overrides:\n  - files: ['eu/**']\n    region: eu-west-7\n", "a.json": JSON.stringify(good) });
    usageError(await cli(["lint", "a.json"], { cwd: override }), /config: region eu-west-7 is not a known region \(did you mean eu-west-\d\?\) \(at \/overrides\/0\/region\)/);
  });
  it("refuses a single-valued option given twice", async () => {
    const dir = workdir({ "a.json": JSON.stringify(good), "b.yml": "{}\n", "c.yml": "{}\n" });
    usageError(await cli(["lint", "a.json", "--config", "b.yml", "--config", "c.yml"], { cwd: dir }), /--config was given 2 times \(b\.yml, c\.yml\); give it once/);
    usageError(await cli(["lint", "a.json", "--account", "111122223333", "--account", "444455556666"], { cwd: dir }), /--account was given 2 times/);
  });
  it("refuses --rule without a value instead of ignoring it", async () => {
    const dir = workdir({ "a.json": JSON.stringify(good) });
    usageError(await cli(["lint", "a.json", "--rule"], { cwd: dir }), /--rule needs a value ID:SEVERITY\[:JSON-OPTIONS\]/);
    usageError(await cli(["lint", "a.json", "--rule="], { cwd: dir }), /--rule : expected ID:SEVERITY/);
  });
  it("takes --rule as one value, so a path after it is a path", async () => {
    const dir = workdir({ "a.json": JSON.stringify(bad) });
    const out = await cli(["lint", "--rule", "copy-tags:warn", "a.json", "--format", "json"], { cwd: dir });
    expect(out.code, out.stderr).toBe(1);
    expect(JSON.parse(out.stdout).results.map((r: { file: string }) => r.file)).toEqual(["a.json"]);
  });
  it("lints the paths after --, and only them", async () => {
    const dir = workdir({ "-odd.json": JSON.stringify(bad), "other.json": JSON.stringify(bad) });
    const out = await cli(["lint", "--format", "json", "--", "-odd.json"], { cwd: dir });
    expect(out.code, out.stderr).toBe(1);
    expect(JSON.parse(out.stdout).results.map((r: { file: string }) => r.file)).toEqual(["-odd.json"]);
    usageError(await cli(["audit", "--inventory", "x.json", "--", "a.json"], { cwd: dir }), /audit takes no paths/);
  });
});

describe("no false green", () => {
  it("never prints the green line when some input could not be read, and names what could not be", async () => {
    const dir = workdir({ "a.json": JSON.stringify(good), "broken.json": '{"TargetDBClusterSnapshotIdentifier": ' });
    const out = await cli(["lint", "a.json", "broken.json", "--rule", "source-snapshot:off", "--rule", "target-exists:off", "--rule", "kms-key-usable:off", "--rule", "kms-key-unencrypted-source:off"], { cwd: dir });
    expect(out.code, out.stderr).toBe(2);
    expect(out.stdout).not.toMatch(/No problems|✔/);
    expect(out.stdout).toMatch(/✖ 1 input error: the run is incomplete/);
    expect(out.stderr).toMatch(/^broken\.json:1:\d+: JSON syntax error/m);
  });
});

describe("--help", () => {
  it("lists each command's own options only, two examples and the docs link", async () => {
    const sections = async (command: string) => {
      const out = await cli([command, "--help"]);
      expect(out.code, out.stderr).toBe(0);
      return out.stdout;
    };
    const lint = await sections("lint");
    expect(lint).toMatch(/--inventory/);
    expect(lint).toMatch(/--fix-dry-run/);
    expect(lint).not.toMatch(/--apply|--plan-remediation|--poll-interval/);
    const copy = await sections("copy");
    expect(copy).toMatch(/--apply/);
    expect(copy).not.toMatch(/--inventory|--live|--quiet|--max-warnings|--fix|--plan-remediation/);
    const exported = await sections("export");
    expect(exported).not.toMatch(/--format|--rule|--quiet|--inventory/);
    for (const [command, anchor] of [["lint", "#usage"], ["audit", "#auditing-existing-snapshots"], ["copy", "#performing-copies"], ["export", "#auditing-existing-snapshots"], ["init", "#configuration"], ["rules", "#rules"]] as const) {
      const text = await sections(command);
      const examples = text.split("Examples:\n")[1]?.split("\n\n")[0] ?? "";
      expect(examples.match(/^ {2}neptune-snapshot-policy /gm), `${command}:\n${text}`).toHaveLength(2);
      expect(text.replace(/Docs:\s+/, "Docs: ")).toContain(`Docs: https://github.com/neptune-snapshot-policy/neptune-snapshot-policy/blob/v${TOOL_VERSION}/README.md${anchor}\n`);
    }
  });
});

describe("several reports in one run", () => {
  it("pairs each --format with the --output at the same place; the one left over goes to stdout", async () => {
    const dir = workdir({ "a.json": JSON.stringify(bad) });
    const out = await cli(["lint", "a.json", "--format", "json", "--output", "a.json.out", "--format", "sarif", "--output", "b.sarif", "-f", "stylish"], { cwd: dir });
    expect(out.code, out.stderr).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, "a.json.out"), "utf8")).summary.errors).toBe(1);
    const sarif = JSON.parse(readFileSync(join(dir, "b.sarif"), "utf8"));
    expect(sarif.runs[0].results.filter((r: { level: string }) => r.level === "error")).toHaveLength(1);
    expect(out.stdout).toMatch(/✖ \d+ problems? \(1 error, /);
  });
  it("keeps one --output for the default stylish report", async () => {
    const dir = workdir({ "a.json": JSON.stringify(good) });
    const out = await cli(["lint", "a.json", "--rule", "source-snapshot:off", "-o", "report.txt"], { cwd: dir });
    expect(out.stdout).toBe("");
    expect(readFileSync(join(dir, "report.txt"), "utf8")).toMatch(/^(✔|✖) .* in 1 subject in 1 file/m);
  });
  it("refuses two reports on stdout, more outputs than formats, and one file twice", async () => {
    const dir = workdir({ "a.json": JSON.stringify(good) });
    usageError(await cli(["lint", "a.json", "-f", "json", "-f", "sarif"], { cwd: dir }), /2 of the --format reports would go to stdout/);
    usageError(await cli(["lint", "a.json", "-f", "json", "-o", "a", "-o", "b"], { cwd: dir }), /--output was given 2 times for 1 --format/);
    usageError(await cli(["lint", "a.json", "-f", "json", "-o", "x", "-f", "sarif", "-o", "x"], { cwd: dir }), /--output x was given twice/);
    expect(existsSync(join(dir, "x"))).toBe(false);
  });
});

describe("a reader that closes early", () => {
  /** Run the CLI with stdout a real pipe whose reading end closes at once, as `| head -c0` does. */
  function closedPipe(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1", AWS_REGION: undefined }, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout.destroy();
      let stderr = "";
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("close", (code) => resolve({ code, stderr }));
    });
  }
  it("ends quietly, with the exit code the findings give", async () => {
    const requests = Array.from({ length: 2000 }, (_, i) => ({ ...bad, TargetDBClusterSnapshotIdentifier: `bad--target-${i}` }));
    const dir = workdir({ "many.json": JSON.stringify(requests) });
    for (const format of ["stylish", "json"]) {
      const out = await closedPipe(["lint", "many.json", "--format", format], dir);
      expect(out.stderr).not.toMatch(/EPIPE|internal error/);
      expect(out.code, out.stderr).toBe(1);
    }
    const help = await closedPipe(["lint", "--help"], ROOT);
    expect(help.stderr).toBe("");
    expect(help.code).toBe(0);
  });
});

describe("SARIF of the bundled fixtures, as code scanning reads it", () => {
  const MULTITOOL: string = createRequire(import.meta.url)("@microsoft/sarif-multitool");
  it("validates with the default and GitHub rule kinds, and carries what GitHub ranks by", async () => {
    const dir = workdir({});
    const file = join(dir, "fixtures.sarif");
    const out = await cli(["lint", "fixtures", "--format", "sarif", "--output", file]);
    expect(out.code, out.stderr).toBe(1);
    for (const kinds of ["Sarif", "Sarif;Gh"]) {
      const result = join(dir, `validation-${kinds.replace(";", "-")}.sarif`);
      const run = spawnSync(MULTITOOL, ["validate", file, "--output", result, "--rule-kind", kinds], { encoding: "utf8" });
      expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
      const problems = JSON.parse(readFileSync(result, "utf8")).runs[0].results ?? [];
      expect(problems.filter((p: { level?: string }) => p.level === "error"), kinds).toEqual([]);
    }
    const log = JSON.parse(readFileSync(file, "utf8")).runs[0];
    for (const rule of log.tool.driver.rules) {
      expect(rule.helpUri).toContain(`/blob/v${TOOL_VERSION}/`);
      expect(rule.properties.tags[0]).toBe("security");
      expect(Number(rule.properties["security-severity"])).toBeGreaterThan(0);
      expect(rule.fullDescription.text).not.toBe(rule.shortDescription.text);
    }
    for (const result of log.results) expect(Object.values(result.partialFingerprints)[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("on a terminal", () => {
  /** Run lint under a pseudo-terminal of 70 columns (util-linux `script`), as a user at a shell would. */
  function onTerminal(dir: string, env: Record<string, string | undefined>): string {
    const probe = spawnSync("script", ["--version"], { encoding: "utf8" });
    if (probe.error) throw new Error("util-linux `script` is needed to give the CLI a terminal: apt-get install -y util-linux");
    const command = `stty cols 70; ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} lint a.json --rule source-snapshot:off --rule target-exists:off --rule kms-key-usable:off --rule kms-key-unencrypted-source:off`;
    const run = spawnSync("script", ["-qec", command, "/dev/null"], { cwd: dir, encoding: "utf8", env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, CI: undefined, FORCE_HYPERLINK: undefined, TERM_PROGRAM: undefined, VTE_VERSION: undefined, WT_SESSION: undefined, KITTY_WINDOW_ID: undefined, KONSOLE_VERSION: undefined, ...env } });
    return run.stdout.replace(/\r/g, "");
  }
  const visible = (line: string) => line.replace(/\u001b\]8;;[^\u001b]*\u001b\\/g, "").replace(/\u001b\[[0-9;]*m/g, "");
  it("wraps rows to its width and links rule ids where the terminal shows links", () => {
    const dir = workdir({ "a.json": JSON.stringify(bad) });
    const linked = onTerminal(dir, { TERM_PROGRAM: "WezTerm" });
    expect(linked).toContain(`\u001b]8;;https://github.com/neptune-snapshot-policy/neptune-snapshot-policy/blob/v${TOOL_VERSION}/docs/rules/target-identifier.md\u001b\\target-identifier\u001b]8;;\u001b\\`);
    const rows = linked.split("\n").filter((l) => l.startsWith("  "));
    expect(rows.length).toBeGreaterThan(1); // the message wrapped under its column
    for (const row of rows) expect(visible(row).length, visible(row)).toBeLessThanOrEqual(70);
    expect(onTerminal(dir, {})).not.toContain("\u001b]8;;");
    expect(onTerminal(dir, { TERM_PROGRAM: "WezTerm", CI: "true" })).not.toContain("\u001b]8;;");
  });
});
