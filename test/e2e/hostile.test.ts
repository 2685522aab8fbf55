// Hostile input and write safety (issue 13): configs from a pull request that would stall CI, inputs
// that are not files, names that carry workflow commands, and writes that must never escape the path
// they were given nor destroy what is there.
import { execFileSync } from "node:child_process";
import { chmodSync, closeSync, createReadStream, linkSync, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, readdirSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../support/aws-emulator/index.js";
import { cli, workdir } from "../support/cli.js";
import { writeReport } from "../../src/cli/output.js";
import { writeFixedFile } from "../../src/io/write.js";

const REQUEST = '{\n  "SourceDBClusterSnapshotIdentifier": "graph-prod",\n  "TargetDBClusterSnapshotIdentifier": "graph-prod-copy"\n}\n';
const FIXED = '{\n  "SourceDBClusterSnapshotIdentifier": "graph-prod",\n  "TargetDBClusterSnapshotIdentifier": "graph-prod-copy",\n  "CopyTags": true\n}\n';
/** A config under which --fix has one thing to fix in REQUEST (add CopyTags) and nothing else is said. */
const FIX_POLICY = "region: us-east-1\nrules: { copy-tags: error, source-snapshot: off, target-exists: off, kms-key-usable: off, kms-key-unencrypted-source: off, encryption-required: off }\n";

function mkfifo(path: string): void {
  execFileSync("mkfifo", [path]);
}

/** Read a FIFO to its end (the writer's close), as a reader process would. */
function drain(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    createReadStream(path)
      .on("data", (c) => chunks.push(c as Buffer))
      .on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
      .on("error", reject);
  });
}

/** A private character device (a copy of /dev/null's numbers) when this process may make one. */
function privateNullDevice(dir: string): string | undefined {
  const path = join(dir, "null");
  try {
    execFileSync("mknod", [path, "c", "1", "3"], { stdio: "ignore" });
    return path;
  } catch {
    return undefined;
  }
}

describe("writes never escape or destroy", () => {
  it("--output onto a FIFO writes into it and leaves it a FIFO", async () => {
    const dir = workdir({ "a.json": REQUEST });
    mkfifo(join(dir, "report.fifo"));
    const read = drain(join(dir, "report.fifo"));
    const out = await cli(["lint", "a.json", "--no-config", "--format", "json", "--output", "report.fifo"], { cwd: dir, timeout: 20_000 });
    expect(out.stderr).not.toMatch(/cannot write/);
    expect(JSON.parse(await read).results).toHaveLength(1);
    expect(lstatSync(join(dir, "report.fifo")).isFIFO()).toBe(true);
  });

  it("--output onto a character device writes into it and leaves it a device (as root, --output /dev/null must not replace /dev/null)", async (ctx) => {
    const dir = workdir({ "a.json": REQUEST });
    const device = privateNullDevice(dir);
    if (device === undefined) ctx.skip();
    const out = await cli(["lint", "a.json", "--no-config", "--output", "null"], { cwd: dir });
    expect(out.stderr).not.toMatch(/cannot write/);
    expect(lstatSync(device!).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["a.json", "null"]);
  });

  it("--write-baseline onto a FIFO writes into it and leaves it a FIFO", async () => {
    const dir = workdir({ "a.json": REQUEST });
    mkfifo(join(dir, "baseline.fifo"));
    const read = drain(join(dir, "baseline.fifo"));
    const out = await cli(["lint", "a.json", "--no-config", "--write-baseline", "baseline.fifo"], { cwd: dir, timeout: 20_000 });
    expect(out.stderr).toMatch(/Wrote \d+ findings? to the baseline/);
    expect(JSON.parse(await read).version).toBe(1);
    expect(lstatSync(join(dir, "baseline.fifo")).isFIFO()).toBe(true);
  });

  it("--output through a symbolic link writes the file it leads to and keeps the link (as a shell's > does)", async () => {
    const dir = workdir({ "a.json": REQUEST, "reports/latest.json": "old\n" });
    symlinkSync("reports/latest.json", join(dir, "report.json"));
    const out = await cli(["lint", "a.json", "--no-config", "--format", "json", "--output", "report.json"], { cwd: dir });
    expect(out.stderr).not.toMatch(/cannot write/);
    expect(lstatSync(join(dir, "report.json")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "reports/latest.json"), "utf8")).results).toHaveLength(1);
  });

  it("--output through a dangling symbolic link is refused, and nothing is created where it leads", async () => {
    const dir = workdir({ "a.json": REQUEST });
    symlinkSync(join(dir, "planted/target.json"), join(dir, "report.json"));
    const out = await cli(["lint", "a.json", "--no-config", "--output", "report.json"], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/cannot write --output report\.json: it is a symbolic link to a file that does not exist: refusing to write through it/);
    expect(readdirSync(dir).sort()).toEqual(["a.json", "report.json"]);
  });

  it("--output replaces a regular file keeping its mode", async () => {
    const dir = workdir({ "a.json": REQUEST, "report.txt": "old\n" });
    chmodSync(join(dir, "report.txt"), 0o600);
    await cli(["lint", "a.json", "--no-config", "--output", "report.txt"], { cwd: dir });
    expect(readFileSync(join(dir, "report.txt"), "utf8")).toMatch(/problem|No problems/);
    expect(statSync(join(dir, "report.txt")).mode & 0o777).toBe(0o600);
  });

  it("creates temporary files exclusively under random names: a link planted at the old predictable name is not followed", async () => {
    const dir = workdir({ "victim.txt": "precious\n", "a.json": REQUEST });
    // The names the old writers used: .NAME.PID.tmp (--output) and .NAME.PID.fix (--fix).
    symlinkSync(join(dir, "victim.txt"), join(dir, `.report.txt.${process.pid}.tmp`));
    symlinkSync(join(dir, "victim.txt"), join(dir, `.a.json.${process.pid}.fix`));
    writeReport("the report\n", "report.txt", dir);
    writeFixedFile(join(dir, "a.json"), FIXED, dir);
    expect(readFileSync(join(dir, "victim.txt"), "utf8")).toBe("precious\n");
    expect(readFileSync(join(dir, "report.txt"), "utf8")).toBe("the report\n");
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe(FIXED);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp") && !f.includes(String(process.pid)))).toEqual([]);
  });

  it("audit --plan-remediation refuses a link planted under a plan file's name, and leaves its target alone", async () => {
    const INVENTORY = join(__dirname, "../../fixtures/inventories/account-111122223333.json");
    const KEY = "arn:aws:kms:us-east-1:111122223333:key/0b9e8d7c-6a5b-4c3d-8e2f-1a0b9c8d7e6f";
    const dir = workdir({ "snapshot-policy.yml": `remediation:\n  kmsKeys: { us-east-1: "${KEY}" }\n`, "outside/secret.json": "keep\n" });
    mkdirSync(join(dir, "fixes"));
    symlinkSync(join(dir, "outside/secret.json"), join(dir, "fixes/111122223333-us-east-1.json"));
    const out = await cli(["audit", "--inventory", INVENTORY, "--plan-remediation", "fixes"], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/cannot write --plan-remediation fixes: fixes\/111122223333-us-east-1\.json: it is a symbolic link: refusing to write through it/);
    expect(readFileSync(join(dir, "outside/secret.json"), "utf8")).toBe("keep\n");
    expect(lstatSync(join(dir, "fixes/111122223333-us-east-1.json")).isSymbolicLink()).toBe(true);
  });

  describe("export --output (against the loopback emulator)", () => {
    let emulator: Emulator;
    beforeAll(async () => {
      emulator = await startEmulator();
    });
    afterAll(() => emulator.close());
    const env = {
      AWS_ACCESS_KEY_ID: "AKIAEMULATOR",
      AWS_SECRET_ACCESS_KEY: "emulator-secret-key",
      AWS_REGION: "us-east-1",
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_CONFIG_FILE: "/nonexistent/aws-config",
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
      AWS_PROFILE: undefined,
    };

    it("writes into a FIFO, leaving it a FIFO", async () => {
      const dir = workdir({});
      mkfifo(join(dir, "inventory.fifo"));
      const read = drain(join(dir, "inventory.fifo"));
      const out = await cli(["export", "--no-config", "--region", "us-east-1", "--endpoint-url", emulator.url, "--output", "inventory.fifo"], { cwd: dir, env, timeout: 30_000 });
      expect(out.code, out.stderr).toBe(0);
      expect(JSON.parse(await read)).toHaveProperty("DBClusterSnapshots");
      expect(lstatSync(join(dir, "inventory.fifo")).isFIFO()).toBe(true);
    });
  });

  describe("lint --fix", () => {
    async function fixIn(files: Record<string, string | Buffer>, target: string, setup?: (dir: string) => void) {
      const dir = workdir({ "snapshot-policy.yml": FIX_POLICY, ...files });
      setup?.(dir);
      const out = await cli(["lint", target, "--fix"], { cwd: dir });
      return { dir, out };
    }

    it("keeps the file's mode (0600 stays 0600)", async () => {
      const { dir, out } = await fixIn({ "a.json": REQUEST }, "a.json", (d) => chmodSync(join(d, "a.json"), 0o600));
      expect(out.stderr).toMatch(/Fixed 1 problem in 1 file/);
      expect(readFileSync(join(dir, "a.json"), "utf8")).toBe(FIXED);
      expect(statSync(join(dir, "a.json")).mode & 0o777).toBe(0o600);
    });

    it("keeps hard links: every name sees the fixed file", async () => {
      const { dir, out } = await fixIn({ "a.json": REQUEST }, "a.json", (d) => linkSync(join(d, "a.json"), join(d, "also.txt")));
      expect(out.stderr).toMatch(/Fixed 1 problem/);
      expect(readFileSync(join(dir, "also.txt"), "utf8")).toBe(FIXED);
      expect(statSync(join(dir, "a.json")).nlink).toBe(2);
    });

    it("writes through a link whose real file is inside the tree, keeping the link", async () => {
      const { dir, out } = await fixIn({ "real/a.json": REQUEST }, "copies", (d) => {
        mkdirSync(join(d, "copies"));
        symlinkSync("../real/a.json", join(d, "copies/a.json"));
      });
      // The walk of copies/ finds the link; its real file is outside copies/, so it is skipped …
      expect(out.stderr).toMatch(/copies\/a\.json: skipped: a link to .*real\/a\.json, outside copies/);
      // … while a walk of the whole tree fixes it through the link.
      // (The walk meets the file under both names, so both count as fixed.)
      const again = await cli(["lint", ".", "--fix"], { cwd: dir });
      expect(again.stderr).toMatch(/Fixed 2 problems in 2 files/);
      expect(lstatSync(join(dir, "copies/a.json")).isSymbolicLink()).toBe(true);
      expect(readFileSync(join(dir, "real/a.json"), "utf8")).toBe(FIXED);
    });

    it("refuses to write through a link whose real file lies outside the tree, with a clear message", async () => {
      const outside = join(workdir({ "a.json": REQUEST }), "a.json");
      const { dir, out } = await fixIn({}, "a.json", (d) => symlinkSync(outside, join(d, "a.json")));
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(/a\.json: cannot write the fixed file: it is a symbolic link to .*, outside .*: refusing to write through it/);
      expect(lstatSync(join(dir, "a.json")).isSymbolicLink()).toBe(true);
      expect(readlinkSync(join(dir, "a.json"))).toBe(outside);
      expect(readFileSync(outside, "utf8")).toBe(REQUEST);
    });

    it("keeps a UTF-8 byte order mark", async () => {
      const { dir } = await fixIn({ "a.json": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REQUEST)]) }, "a.json");
      expect(readFileSync(join(dir, "a.json"))).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIXED)]));
    });

    it("keeps CRLF line endings (the added member's line ends in CRLF too)", async () => {
      const crlf = (s: string) => s.replace(/\n/g, "\r\n");
      const { dir } = await fixIn({ "a.json": crlf(REQUEST), "b.yml": crlf("SourceDBClusterSnapshotIdentifier: graph-prod\nTargetDBClusterSnapshotIdentifier: graph-prod-b\n") }, ".");
      expect(readFileSync(join(dir, "a.json"), "utf8")).toBe(crlf(FIXED));
      expect(readFileSync(join(dir, "b.yml"), "utf8")).toBe(crlf("SourceDBClusterSnapshotIdentifier: graph-prod\nTargetDBClusterSnapshotIdentifier: graph-prod-b\nCopyTags: true\n"));
    });

    it("keeps the trailing comment of a multi-line flow mapping on its line", async () => {
      const before = "{\n  SourceDBClusterSnapshotIdentifier: graph-prod,\n  TargetDBClusterSnapshotIdentifier: graph-prod-copy  # the DR copy\n}\n";
      const { dir, out } = await fixIn({ "a.yml": before }, "a.yml");
      expect(out.stderr).toMatch(/Fixed 1 problem/);
      expect(readFileSync(join(dir, "a.yml"), "utf8")).toBe("{\n  SourceDBClusterSnapshotIdentifier: graph-prod,\n  TargetDBClusterSnapshotIdentifier: graph-prod-copy,  # the DR copy\n  CopyTags: true\n}\n");
    });
  });
});

describe("walking", () => {
  it("skips a link to a file outside the folder walked and says so; --follow-links-outside follows it", async () => {
    const outside = workdir({ "secret.json": '{ "SourceDBClusterSnapshotIdentifier": "runner-secret-value", "TargetDBClusterSnapshotIdentifier": "x--y" }\n' });
    const dir = workdir({ "copies/a.json": REQUEST });
    symlinkSync(join(outside, "secret.json"), join(dir, "copies/leak.json"));
    const out = await cli(["lint", "copies", "--no-config", "--format", "github"], { cwd: dir });
    expect(out.stdout).not.toContain("runner-secret-value");
    expect(out.stdout).not.toContain("leak.json");
    expect(out.stderr).toMatch(/copies\/leak\.json: skipped: a link to .*secret\.json, outside copies \(--follow-links-outside lints it\)/);
    const followed = await cli(["lint", "copies", "--no-config", "--format", "json", "--follow-links-outside"], { cwd: dir });
    expect(JSON.parse(followed.stdout).results.map((r: { file: string }) => r.file)).toEqual(["copies/a.json", "copies/leak.json"]);
  });
});

describe("inputs that are not regular files", () => {
  const cases: [string, (fifo: string) => string[]][] = [
    ["a FIFO named as a file", (fifo) => ["lint", fifo, "--no-config"]],
    ["a FIFO as --config", (fifo) => ["lint", "a.json", "--config", fifo]],
    ["a FIFO as --inventory", (fifo) => ["lint", "a.json", "--no-config", "--inventory", fifo]],
    ["a FIFO as --baseline", (fifo) => ["lint", "a.json", "--no-config", "--baseline", fifo]],
  ];
  for (const [name, args] of cases) {
    it(`${name} is refused at once with a clear message (exit 2), never waited on`, async () => {
      const dir = workdir({ "a.json": REQUEST });
      // A .json / .yml name, so the refusal is about what it is, not what it is called.
      const fifo = name.includes("config") ? "pipe.yml" : "pipe.json";
      mkfifo(join(dir, fifo));
      const out = await cli(args(fifo), { cwd: dir, timeout: 15_000 });
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(/pipe\.(json|yml).*is a FIFO \(named pipe\), not a regular file/);
    });
  }

  it("/dev/zero is named for what it is, a character device", async () => {
    const out = await cli(["lint", "/dev/zero", "--no-config"], { timeout: 15_000 });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/\/dev\/zero: is a character device/);
  });
});

describe("hostile configs run in linear time", () => {
  /** Time a run, for the figures in the report; the assertion is that it ends (vitest's timeout) and says the right thing. */
  async function timed(args: string[], cwd: string) {
    const start = performance.now();
    const out = await cli(args, { cwd, timeout: 60_000 });
    return { out, seconds: (performance.now() - start) / 1000 };
  }

  it("tag-policy pattern ^(a+)+$ on a 35-character value", async () => {
    const value = "a".repeat(34) + "b";
    const dir = workdir({
      "snapshot-policy.yml": 'rules:\n  tag-policy: [error, { patterns: { Team: "^(a+)+$" } }]\n',
      "a.json": JSON.stringify({ SourceDBClusterSnapshotIdentifier: "graph-prod", TargetDBClusterSnapshotIdentifier: "graph-prod-copy", Tags: [{ Key: "Team", Value: value }] }),
    });
    const { out, seconds } = await timed(["lint", "a.json", "--format", "json"], dir);
    expect(JSON.parse(out.stdout).results[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain("tag-policy");
    expect(seconds).toBeLessThan(30);
  }, 90_000);

  it("a custom rule's JSON Schema pattern ^(a|a)+$", async () => {
    const dir = workdir({
      "snapshot-policy.yml":
        'customRules:\n  - id: team-ids\n    subjects: [request]\n    message: "bad target"\n    schema: { properties: { TargetDBClusterSnapshotIdentifier: { pattern: "^(a|a)+$" } } }\n',
      "a.json": JSON.stringify({ SourceDBClusterSnapshotIdentifier: "graph-prod", TargetDBClusterSnapshotIdentifier: "a".repeat(40) + "b" }),
    });
    const { out, seconds } = await timed(["lint", "a.json", "--format", "json"], dir);
    expect(JSON.parse(out.stdout).results[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain("team-ids");
    expect(seconds).toBeLessThan(30);
  }, 90_000);

  it("a glob **a**a**a**a**a**a**a**a**b in target-name patterns and in files", async () => {
    const glob = "**a**a**a**a**a**a**a**a**b";
    const id = "a".repeat(62);
    const dir = workdir({
      "snapshot-policy.yml": `files: ["${glob}", "*.json"]\nrules:\n  target-name: [error, { patterns: ["${glob}"] }]\n`,
      [`${id}.json`]: JSON.stringify({ SourceDBClusterSnapshotIdentifier: "graph-prod", TargetDBClusterSnapshotIdentifier: id }),
    });
    const { out, seconds } = await timed(["lint", ".", "--format", "json"], dir);
    expect(JSON.parse(out.stdout).results[0].findings.map((f: { ruleId: string }) => f.ruleId)).toContain("target-name");
    expect(seconds).toBeLessThan(30);
  }, 90_000);

  it("a pattern that needs backtracking (a backreference) is a config error naming it, file and line", async () => {
    const dir = workdir({ "snapshot-policy.yml": 'rules:\n  tag-policy:\n    - error\n    - patterns: { Team: "^(a)\\\\1$" }\n', "a.json": REQUEST });
    const out = await cli(["lint", "a.json"], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/snapshot-policy\.yml:4:\d+: config: rule tag-policy: the pattern "\^\(a\)\\\\1\$" for "Team" is not supported .*no lookahead, lookbehind or backreferences \(at \/rules\/tag-policy\/1\/patterns\/Team\)/);
  });

  it("the same pattern in --rule is refused too", async () => {
    const dir = workdir({ "a.json": REQUEST });
    const out = await cli(["lint", "a.json", "--no-config", "--rule", 'tag-policy:error:{"patterns":{"Team":"(?=a)a"}}'], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--rule tag-policy.*the pattern "\(\?=a\)a" for "Team" is not supported/);
  });

  it("a glob negation !(…) is a config error naming it", async () => {
    const dir = workdir({ "snapshot-policy.yml": 'ignores: ["!(keep).json"]\n', "a.json": REQUEST });
    const out = await cli(["lint", "."], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/snapshot-policy\.yml:1:\d+: config: the glob "!\(keep\)\.json" uses a negation .* \(at \/ignores\/0\)/);
  });

  it("a custom rule whose schema refers to itself without descending is a config error, not a stack overflow", async () => {
    const dir = workdir({
      "snapshot-policy.yml": 'customRules:\n  - id: loop\n    subjects: [request]\n    message: "never"\n    schema: { allOf: [{ $ref: "#" }] }\n',
      "a.json": REQUEST,
    });
    const out = await cli(["lint", "a.json"], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/snapshot-policy\.yml:5:\d+: config: custom rule loop: invalid JSON Schema: the \$ref at \/allOf\/0\/\$ref leads back to itself/);
    expect(out.stderr).not.toMatch(/internal error|stack/i);
  });

  it("a loop through an $id, which the load-time check cannot follow, still ends in a clear exit 2", async () => {
    const dir = workdir({
      "snapshot-policy.yml": 'customRules:\n  - id: loop\n    subjects: [request]\n    message: "never"\n    schema: { $id: "https://example.test/s", allOf: [{ $ref: "https://example.test/s" }] }\n',
      "a.json": REQUEST,
    });
    const out = await cli(["lint", "a.json"], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/custom rule loop: (invalid JSON Schema|its schema recursed without end on a\.json)/);
    expect(out.stderr).not.toMatch(/internal error/);
  });

  it("a custom rule that descends into the value may recur (a tree of tags)", async () => {
    const dir = workdir({
      "snapshot-policy.yml": 'customRules:\n  - id: tree\n    subjects: [request]\n    message: "no"\n    schema: { definitions: { t: { properties: { Next: { $ref: "#/definitions/t" } }, not: { required: [Bad] } } }, $ref: "#/definitions/t" }\n',
      "a.json": REQUEST,
    });
    const out = await cli(["lint", "a.json", "--format", "json"], { cwd: dir });
    expect(out.stderr).toBe("");
    expect(JSON.parse(out.stdout).summary.subjects).toBe(1);
  });

  it("an unknown format in a custom rule is a config error, and nothing of ajv's reaches stderr", async () => {
    const dir = workdir({
      "snapshot-policy.yml": 'customRules:\n  - id: fmt\n    subjects: [request]\n    message: "no"\n    schema: { properties: { TargetDBClusterSnapshotIdentifier: { format: snapshot-id } } }\n',
      "a.json": REQUEST,
    });
    const out = await cli(["lint", "a.json"], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/config: custom rule fmt: invalid JSON Schema: unknown format "snapshot-id"/);
    expect(out.stderr.split("\n").filter((l) => l !== "")).toHaveLength(1);
  });
});

describe("names that carry control characters", () => {
  const NAME = "evil\n::error file=x.json,line=1::pwned.json";

  it("stylish and input errors print them escaped: no line of output starts a workflow command", async () => {
    const dir = workdir({ [NAME]: '{ "SourceDBClusterSnapshotIdentifier": "graph-prod", "TargetDBClusterSnapshotIdentifier": "x--y" }\n', [`${NAME}.yml`]: "SourceDBClusterSnapshotIdentifier: [\n" });
    const out = await cli(["lint", ".", "--no-config"], { cwd: dir });
    expect(out.code).toBe(2);
    const lines = (out.stdout + out.stderr).split("\n");
    expect(lines.filter((l) => l.startsWith("::"))).toEqual([]);
    expect(out.stdout).toContain("evil\\n::error file=x.json,line=1::pwned.json");
    expect(out.stderr).toContain("evil\\n::error file=x.json,line=1::pwned.json.yml");
  });

  it("github annotations escape them as GitHub does (%0A), so the file stays one property", async () => {
    const dir = workdir({ [NAME]: '{ "SourceDBClusterSnapshotIdentifier": "graph-prod", "TargetDBClusterSnapshotIdentifier": "x--y" }\n' });
    const out = await cli(["lint", ".", "--no-config", "--format", "github"], { cwd: dir });
    const lines = out.stdout.split("\n").filter((l) => l.startsWith("::") && !l.startsWith("::notice"));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/^::(error|warning) file=evil%0A%3A%3Aerror file=x.json%2Cline=1%3A%3Apwned.json,/);
  });
});

describe("smaller", () => {
  it("a UTF-32LE byte order mark is called UTF-32LE, not UTF-16", async () => {
    const dir = workdir({ "a.json": Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from([0x7b, 0, 0, 0, 0x7d, 0, 0, 0])]) });
    const out = await cli(["lint", "a.json", "--no-config"], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/a\.json: is UTF-32LE text; save it as UTF-8/);
  });

  it("an inventory over the real limit (the longest string Node.js holds) is too large, not 'not valid UTF-8'", async () => {
    const dir = workdir({ "a.json": REQUEST });
    const big = join(dir, "inventory.json");
    closeSync(openSync(big, "w"));
    truncateSync(big, 536_870_900);
    const out = await cli(["lint", "a.json", "--no-config", "--inventory", "inventory.json"], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/inventory\.json: is too large \(536,870,900 bytes; the limit is 536,870,888 bytes\)/);
  });

  it("a YAML key that is a collection is an input error at its place, and the yaml package's warning stays off stderr", async () => {
    const dir = workdir({ "a.yml": "SourceDBClusterSnapshotIdentifier: graph-prod\n? [a, b]\n: c\n" });
    const out = await cli(["lint", "a.yml", "--no-config"], { cwd: dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/a\.yml:2:3: YAML syntax error: a mapping key is a sequence or mapping/);
    expect(out.stderr).not.toMatch(/Keys with collection values/);
  });

  it("audit --plan-remediation says which snapshots it leaves out for a malformed ARN", async () => {
    const inventory = {
      DBClusterSnapshots: [
        { DBClusterSnapshotIdentifier: "odd-prod", DBClusterSnapshotArn: "arn:aws:rds:us-east-1:1111:cluster-snapshot:odd-prod", Engine: "neptune", Status: "available", SnapshotType: "manual", StorageEncrypted: false, TagList: [] },
        { DBClusterSnapshotIdentifier: "odd-two", DBClusterSnapshotArn: "arn:aws:rds:us-east-1:1111:cluster-snapshot:odd\n::error::two", Engine: "neptune", Status: "available", SnapshotType: "manual", StorageEncrypted: false, TagList: [] },
      ],
    };
    const dir = workdir({ "inventory.json": JSON.stringify(inventory) });
    const out = await cli(["audit", "--inventory", "inventory.json", "--no-config", "--plan-remediation", "fixes"], { cwd: dir });
    expect(out.stderr).toMatch(/cannot fix arn:aws:rds:us-east-1:1111:cluster-snapshot:odd-prod by copying: its DBClusterSnapshotArn is missing or not a well-formed cluster-snapshot ARN/);
    expect(out.stderr).toContain("cannot fix arn:aws:rds:us-east-1:1111:cluster-snapshot:odd\\n::error::two by copying");
  });
});
