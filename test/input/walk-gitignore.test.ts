// Walking a folder honours what git ignores, by git's own rules; a file or folder named is still linted.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { walk } from "../../src/input/walk.js";

function tree(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "nsp-walk-")));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const git = (dir: string, ...args: string[]) => execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.test", ...args], { stdio: "pipe" });

function found(dir: string, paths: string[] = ["."]) {
  const { files, errors } = walk(paths, { cwd: dir, baseDir: dir });
  expect(errors).toEqual([]);
  return files.map((f) => relative(dir, f.path)).sort();
}

const FILES = {
  ".gitignore": "bench/.work/\n*.tmp.json\n!keep.tmp.json\n",
  "a.json": "{}",
  "bench/.work/run-1/request.json": "{}",
  "copies/dr.yml": "{}",
  "copies/scratch.tmp.json": "{}",
  "copies/keep.tmp.json": "{}",
  "copies/nested/.gitignore": "local.yml\n",
  "copies/nested/local.yml": "{}",
  "copies/nested/shared.yml": "{}",
  "excluded/x.json": "{}",
};

describe("walking a git work tree", () => {
  it("skips what .gitignore files (at any depth), negations and .git/info/exclude say", () => {
    const dir = tree(FILES);
    git(dir, "init", "-q");
    writeFileSync(join(dir, ".git", "info", "exclude"), "excluded/\n");
    expect(found(dir)).toEqual(["a.json", "copies/dr.yml", "copies/keep.tmp.json", "copies/nested/shared.yml"]);
    // Walking a subfolder applies the same rules.
    expect(found(dir, ["copies"])).toEqual(["copies/dr.yml", "copies/keep.tmp.json", "copies/nested/shared.yml"]);
  });
  it("still lints a file or folder named on the command line", () => {
    const dir = tree(FILES);
    git(dir, "init", "-q");
    expect(found(dir, ["copies/scratch.tmp.json"])).toEqual(["copies/scratch.tmp.json"]);
    expect(found(dir, ["bench/.work"])).toEqual(["bench/.work/run-1/request.json"]);
  });
  it("lints a tracked file even when a pattern matches it, as git keeps tracking it", () => {
    const dir = tree(FILES);
    git(dir, "init", "-q");
    git(dir, "add", "-f", "copies/scratch.tmp.json");
    expect(found(dir, ["copies"])).toContain("copies/scratch.tmp.json");
  });
  it("ignores nothing outside a git work tree: a .gitignore means nothing to anyone there", () => {
    const dir = tree(FILES);
    expect(found(dir)).toContain("bench/.work/run-1/request.json");
  });
});
