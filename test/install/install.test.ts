// The install paths of the README's Install section, performed for real into scratch places outside
// this checkout: npm from git, npm from the packed tarball, the library from the tarball, pre-commit.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, workdir } from "../support/cli.js";
import { RELEASE_TAG, releaseRepo, userEnv } from "../support/release.js";

const GOOD = { SourceDBClusterSnapshotIdentifier: "graph-prod", TargetDBClusterSnapshotIdentifier: "graph-prod-dr", KmsKeyId: "alias/neptune" };
const BAD = { ...GOOD, PreSignedUrl: "https://example.com/x" };
const POLICY = "region: us-east-1\n";
const INSTALL_TIMEOUT = 240_000;

let repo: string;
let home: string;
let env: NodeJS.ProcessEnv;
let tarball: string;

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, env, encoding: "utf8" });
}

/** The installed tool on a bad and a good request, in a project of a user's. */
function expectWorkingBinary(bin: string) {
  const version = run(bin, ["--version"], home);
  expect(version.status, version.stderr).toBe(0);
  expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  const project = workdir({ "snapshot-policy.yml": POLICY, "copies/good.json": JSON.stringify(GOOD), "copies/bad.json": JSON.stringify(BAD) });
  const bad = run(bin, ["lint", "copies/bad.json"], project);
  expect(bad.status, bad.stderr).toBe(1);
  expect(bad.stdout).toContain("presigned-url");
  const good = run(bin, ["lint", "copies/good.json"], project);
  expect(good.status, good.stdout + good.stderr).toBe(0);
}

beforeAll(() => {
  repo = releaseRepo();
  home = mkdtempSync(join(tmpdir(), "nsp-home-"));
  env = userEnv(home);
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", home], { cwd: repo, env, encoding: "utf8" })) as { filename: string }[];
  tarball = join(home, packed[0]!.filename);
}, INSTALL_TIMEOUT);

describe("the release commit", () => {
  it("carries the bundle and a package.json that needs no build and no dev dependencies", () => {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" });
    const files = git("ls-tree", "-r", "--name-only", RELEASE_TAG).split("\n");
    expect(files).toContain("dist/cli/main.js");
    expect(files).toContain("dist/lib/index.js");
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    const pkg = JSON.parse(git("show", `${RELEASE_TAG}:package.json`));
    expect(pkg.scripts).toBeUndefined();
    expect(pkg.devDependencies).toBeUndefined();
    expect(pkg.dependencies).toBeUndefined();
    // The branch the release was made from is untouched: dist/ stays untracked there.
    expect(git("ls-tree", "-r", "--name-only", "HEAD").split("\n")).not.toContain("dist/cli/main.js");
  });
});

describe("npm install -g", () => {
  it(
    "from git (git+file://…#tag) gives a working binary, without the registry",
    () => {
      const prefix = join(home, "git-prefix");
      const install = run("npm", ["install", "-g", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", `git+file://${repo}#${RELEASE_TAG}`], home);
      expect(install.status, install.stderr).toBe(0);
      expectWorkingBinary(join(prefix, "bin", "neptune-snapshot-policy"));
    },
    INSTALL_TIMEOUT,
  );

  it(
    "from the packed tarball gives a working binary, without the registry",
    () => {
      const prefix = join(home, "tarball-prefix");
      const install = run("npm", ["install", "-g", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", tarball], home);
      expect(install.status, install.stderr).toBe(0);
      expectWorkingBinary(join(prefix, "bin", "neptune-snapshot-policy"));
    },
    INSTALL_TIMEOUT,
  );
});

describe("npx", () => {
  it(
    "runs the tool from git without installing it anywhere lasting",
    () => {
      const project = workdir({ "snapshot-policy.yml": POLICY, "copies/bad.json": JSON.stringify(BAD) });
      const npx = run("npx", ["--yes", "--offline", `--package=git+file://${repo}#${RELEASE_TAG}`, "--", "neptune-snapshot-policy", "lint", "copies/bad.json"], project);
      expect(npx.status, npx.stderr).toBe(1);
      expect(npx.stdout).toContain("presigned-url");
    },
    INSTALL_TIMEOUT,
  );
});

describe("the packed tarball", () => {
  it("ships the bundle, its types, the licences and the rule docs, and nothing the bundle never loads", () => {
    const listed = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: repo, env, encoding: "utf8" })) as { files: { path: string }[] }[];
    const files = listed[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json", "bin/neptune-snapshot-policy.js", "dist/cli/main.js", "dist/lib/index.js", "dist/types/src/index.d.ts", "dist/THIRD-PARTY-LICENSES.txt", "docs/rules/presigned-url.md"]));
    expect(readFileSync(join(repo, "LICENSE"), "utf8")).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    // No source maps, no tsc JavaScript (dist/src, dist/rules), no build scratch (dist/.build).
    expect(files.filter((f) => f.endsWith(".map") || /^dist\/(src|rules|\.build)\//.test(f) || (f.startsWith("dist/types/") && !f.endsWith(".d.ts")))).toEqual([]);
    // Declarations: the library's entry and what it reaches, not the internals.
    expect(files.filter((f) => f.startsWith("dist/types/") && !["dist/types/src/index.d.ts", "dist/types/src/model/types.d.ts"].includes(f))).toEqual([]);
    // Every .js file of dist is the bundle or one of its chunks, and the bundle imports only Node's builtins.
    const meta = JSON.parse(readFileSync(join(repo, "dist/.build/meta.json"), "utf8")) as { outputs: Record<string, { imports: { path: string; external?: boolean }[] }> };
    const outputs = Object.keys(meta.outputs).filter((f) => f.endsWith(".js"));
    expect(files.filter((f) => f.endsWith(".js") && f.startsWith("dist/")).sort()).toEqual(outputs.sort());
    for (const f of files.filter((f) => f.startsWith("dist/") && f.endsWith(".js"))) expect(f).toMatch(/^dist\/(cli\/main|lib\/index|chunks\/[\w-]+)\.js$/);
    const external = Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    expect(external.filter((path) => !builtinModules.includes(path.replace(/^node:/, "")))).toEqual([]);
  });
});

describe("the library", () => {
  it(
    "imports from the installed tarball with its exports map, lints a request, and type-checks a consumer",
    () => {
      const project = workdir({ "package.json": JSON.stringify({ name: "consumer", private: true, type: "module" }), "copies/bad.json": JSON.stringify(BAD) });
      const install = run("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], project);
      expect(install.status, install.stderr).toBe(0);
      const script = `
        import { lint, loadPolicy, rules } from "neptune-snapshot-policy";
        const policy = await loadPolicy({ config: false });
        const run = await lint(["copies"], { policy, region: "us-east-1" });
        console.log(JSON.stringify({ rules: rules.length, findings: run.results.flatMap((r) => r.findings.map((f) => f.ruleId)), errors: run.summary.errors }));`;
      const imported = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: project, env, encoding: "utf8" });
      expect(imported.status, imported.stderr).toBe(0);
      const out = JSON.parse(imported.stdout);
      expect(out.rules).toBeGreaterThan(20);
      expect(out.findings).toContain("presigned-url");
      expect(out.errors).toBeGreaterThan(0);
      // The README's example, as it stands, in a project laid out as it assumes.
      const readme = readFileSync(join(ROOT, "README.md"), "utf8");
      const example = /## Library\n\n```js\n([\s\S]*?)```/.exec(readme)![1]!;
      writeFileSync(join(project, "example.mjs"), example);
      writeFileSync(join(project, "inventory.json"), JSON.stringify({ DBClusterSnapshots: [] }));
      execFileSync("mkdir", ["-p", join(project, "infra/copies")]);
      writeFileSync(join(project, "infra/snapshot-policy.yml"), POLICY);
      writeFileSync(join(project, "infra/copies/bad.json"), JSON.stringify(BAD, null, 2));
      const readmeRun = spawnSync(process.execPath, ["example.mjs"], { cwd: project, env, encoding: "utf8" });
      expect(readmeRun.stderr).toBe("");
      expect(readmeRun.status).toBe(1);
      expect(readmeRun.stdout).toMatch(/^copies\/bad\.json:5:\d+ error presigned-url /m);
      expect(readmeRun.stdout).toContain("'request-schema'");
      // A deep import is refused: only the exports map's entry is public.
      const deep = spawnSync(process.execPath, ["--input-type=module", "-e", 'await import("neptune-snapshot-policy/dist/lib/index.js")'], { cwd: project, env, encoding: "utf8" });
      expect(deep.stderr).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED/);

      writeFileSync(
        join(project, "consumer.ts"),
        `import { audit, lint, loadPolicy, rules, type Finding, type Policy, type RunResult } from "neptune-snapshot-policy";
const policy: Policy = await loadPolicy({ cwd: ".", rules: ["copy-tags:error"] });
const run: RunResult = await lint(["copies"], { policy, region: "us-east-1", account: "111122223333" });
const first: Finding | undefined = run.results[0]?.findings[0];
const line: number | undefined = first?.line;
const ids: string[] = rules.map((r) => r.id);
const audited: Promise<RunResult> = audit("inventory.json");
// @ts-expect-error lint takes its paths first
await lint({ paths: ["copies"] });
export { line, ids, audited };
`,
      );
      writeFileSync(
        join(project, "tsconfig.json"),
        JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, skipLibCheck: false, types: ["node"], typeRoots: [join(ROOT, "node_modules/@types")] }, files: ["consumer.ts"] }),
      );
      const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.json"], { cwd: project, env, encoding: "utf8" });
      expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
    },
    INSTALL_TIMEOUT,
  );
});

describe("pre-commit", () => {
  it(
    "installs the hook from a git URL and rev with real pre-commit, and runs it on a good and a bad file",
    () => {
      const project = workdir({
        ".pre-commit-config.yaml": `repos:\n  - repo: file://${repo}\n    rev: ${RELEASE_TAG}\n    hooks:\n      - id: neptune-snapshot-policy\n`,
        "snapshot-policy.yml": POLICY,
        "copies/good.json": JSON.stringify(GOOD),
        "copies/bad.json": JSON.stringify(BAD),
      });
      const preCommitEnv = { ...env, PRE_COMMIT_HOME: join(home, "pre-commit") };
      const git = (...args: string[]) => execFileSync("git", args, { cwd: project, encoding: "utf8" });
      git("init", "-q");
      git("add", ".");
      const install = spawnSync("pre-commit", ["install-hooks"], { cwd: project, env: preCommitEnv, encoding: "utf8" });
      expect(install.status, install.stdout + install.stderr).toBe(0);
      const good = spawnSync("pre-commit", ["run", "--files", "copies/good.json", "snapshot-policy.yml"], { cwd: project, env: preCommitEnv, encoding: "utf8" });
      expect(good.status, good.stdout + good.stderr).toBe(0);
      expect(good.stdout).toMatch(/neptune-snapshot-policy lint\.+Passed/);
      const bad = spawnSync("pre-commit", ["run", "--files", "copies/bad.json"], { cwd: project, env: preCommitEnv, encoding: "utf8" });
      expect(bad.status, bad.stdout + bad.stderr).toBe(1);
      expect(bad.stdout).toMatch(/neptune-snapshot-policy lint\.+Failed/);
      expect(bad.stdout).toContain("copies/bad.json");
      expect(bad.stdout).toContain("presigned-url");
    },
    INSTALL_TIMEOUT,
  );
});
