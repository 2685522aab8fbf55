// Installs as users perform them: a release commit of this work tree in a scratch repository, made by
// scripts/release.mjs, and an environment for npm and pre-commit that owes nothing to this checkout.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { ROOT } from "./cli.js";

export const RELEASE_TAG = "v0.0.0-test";

/**
 * The environment of a user's shell: this test's node first on PATH (so npm and pre-commit run it),
 * none of the npm_* variables `npm test` sets, a scratch npm cache and HOME.
 */
export function userEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== "INIT_CWD" && k !== "NODE" && k !== "NODE_OPTIONS") env[k] = v;
  return { ...env, HOME: home, npm_config_cache: join(home, ".npm"), npm_config_update_notifier: "false", NO_COLOR: "1", PATH: [dirname(process.execPath), env.PATH].join(delimiter) };
}

/** A git repository holding this work tree (as a fresh clone would, plus the built dist/) and its release tag. */
export function releaseRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), "nsp-release-repo-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(ROOT, file))) continue;
    mkdirSync(dirname(join(repo, file)), { recursive: true });
    cpSync(join(ROOT, file), join(repo, file));
  }
  cpSync(join(ROOT, "dist"), join(repo, "dist"), { recursive: true });
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-qm", "work tree");
  execFileSync(process.execPath, [join(repo, "scripts/release.mjs"), "--tag", RELEASE_TAG], {
    cwd: repo,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, GIT_AUTHOR_NAME: "test", GIT_AUTHOR_EMAIL: "test@example.com", GIT_COMMITTER_NAME: "test", GIT_COMMITTER_EMAIL: "test@example.com" },
  });
  return repo;
}
