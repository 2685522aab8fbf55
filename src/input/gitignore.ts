// What git ignores under a folder, by git's own rules: every .gitignore on the way, .git/info/exclude
// and core.excludesFile, negations included. Asking git (one `git ls-files` per walked folder) is the
// only way to agree with it exactly; without git, or outside a work tree, nothing is ignored — there
// is then no git for a .gitignore to mean anything to.
import { nodeChildProcess } from "../io/builtins.js";
import { join } from "node:path";

/** Ignored paths are listed whole folders at a time (`--directory`), so this stays small. */
const MAX_LISTING = 64 * 1024 * 1024;

/**
 * A test for absolute paths under `root` (as `join(root, …)` spells them): true for a file or folder
 * git ignores. Undefined when nothing is ignored, or when `root` itself is ignored: it was named on
 * the command line, and what a user names is linted.
 */
export function gitIgnored(root: string): ((path: string) => boolean) | undefined {
  const run = nodeChildProcess().spawnSync("git", ["-C", root, "ls-files", "--others", "--ignored", "--exclude-standard", "--directory", "-z"], {
    encoding: "utf8",
    maxBuffer: MAX_LISTING,
    stdio: ["ignore", "pipe", "ignore"],
  });
  if (run.error !== undefined || run.status !== 0) return undefined;
  const entries = run.stdout.split("\0").filter((e) => e !== "");
  if (entries.length === 0 || entries.includes("./")) return undefined;
  const ignored = new Set(entries.map((e) => join(root, e.endsWith("/") ? e.slice(0, -1) : e)));
  return (path) => ignored.has(path);
}
