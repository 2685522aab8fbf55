#!/usr/bin/env node
// Make a release commit: HEAD's tree plus the built package files (dist/, which main does not track),
// with a package.json that installs without building: no scripts and no devDependencies.
// Users install a release tag, never a branch: the pre-commit hook (`rev: vX.Y.Z`), the GitHub Action
// (`uses: …@vX.Y.Z`) and `npm install -g github:…#vX.Y.Z` then run the prebuilt bundle as it is, so
// no install needs the dev toolchain, a build, or (the package has no dependencies) the registry.
// The commit's parent is HEAD; neither the branch, the index nor the work tree is changed.
//
//   npm run build && node scripts/release.mjs [--tag vX.Y.Z]     (default tag: v + package.json version)
//
// Prints the commit id on stdout; `git push origin vX.Y.Z` publishes it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { tag: { type: "string" } } });
const cwd = process.cwd();
const pkg = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8"));
const tag = values.tag ?? `v${pkg.version}`;
const scratch = mkdtempSync(join(tmpdir(), "nsp-release-"));
const env = { ...process.env, GIT_INDEX_FILE: join(scratch, "index") };
const git = (args, options = {}) => execFileSync("git", args, { cwd, encoding: "utf8", env, stdio: ["pipe", "pipe", "inherit"], ...options }).trim();

try {
  if (git(["status", "--porcelain", "--untracked-files=no"], { env: process.env }) !== "") throw new Error("the work tree has uncommitted changes: commit them first");
  // What npm would pack (package.json `files`), without running the build again.
  const packed = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }));
  const built = packed[0].files.map((f) => f.path).filter((path) => path.startsWith("dist/"));
  if (!built.includes("dist/cli/main.js")) throw new Error("no bundle in dist/: run npm run build first");
  git(["read-tree", "HEAD"]);
  // update-index adds ignored files as well (dist/ is in .gitignore on main).
  git(["update-index", "--add", "--", ...built]);
  // No scripts: npm prepares a git dependency that has `prepare` or even `build` (installing its
  // devDependencies, or, with npm 11, linking a global install to a clone it then deletes).
  const release = { ...pkg };
  delete release.scripts;
  delete release.devDependencies;
  const blob = git(["hash-object", "-w", "--stdin"], { input: JSON.stringify(release, null, 2) + "\n" });
  git(["update-index", "--cacheinfo", `100644,${blob},package.json`]);
  const tree = git(["write-tree"]);
  const commit = git(["commit-tree", tree, "-p", "HEAD", "-m", `Release ${tag}: the source of ${git(["rev-parse", "--short", "HEAD"])} with its built bundle`]);
  git(["tag", tag, commit]);
  process.stdout.write(`${commit}\n`);
} catch (error) {
  process.stderr.write(`release: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
