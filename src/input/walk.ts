// PATH arguments → the files to lint. Folders are walked (not following links to folders, skipping
// .git and node_modules, and what git ignores) and filtered by the config's picomatch globs; named
// files are always taken. A link to a file outside the folder walked is not followed (on a pull
// request it would read the runner's files into annotations) unless `followLinksOutside`; the caller
// is told of each one skipped.
import { readdirSync, realpathSync, statSync } from "node:fs";
import { resolve, sep } from "node:path";
import { gitIgnored } from "./gitignore.js";
import { InputError } from "./read.js";
import { hasDotSegment, isInside, relativeSlashed, slashed } from "../io/paths.js";
import { globMatcher } from "../engine/glob.js";

export const DEFAULT_FILES = ["**/*.{json,yaml,yml}"];
const SKIPPED_DIRS = new Set([".git", "node_modules"]);

export interface FoundFile {
  path: string;
  /** Named on the command line, so linted whatever its content. */
  explicit: boolean;
  /** Listed as a regular file by its folder (not named, not reached through a link). */
  listed?: true;
  /** The folder it was found in by walking, or the working directory for a named file (links written by --fix stay inside it). */
  root: string;
}

export interface WalkOptions {
  cwd: string;
  /** Folder the globs are relative to (the config's, else the working directory). */
  baseDir: string;
  files?: string[];
  ignores?: string[];
  /** Never lint this file (the config itself). */
  exclude?: string;
  /** Follow links to files outside the folder walked (--follow-links-outside). */
  followLinksOutside?: boolean;
  /** Told of each link not followed because it leads outside the folder walked. */
  onSkippedLink?: (path: string, target: string, root: string) => void;
}

export interface WalkError {
  path: string;
  error: InputError;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;
const REQUEST_EXTENSION = /\.(?:json|ya?ml)$/;

/**
 * DEFAULT_FILES as picomatch (`dot` on) matches it, written out: the name ends in .json, .yaml or .yml
 * and does not begin with a line break, and no folder on the way has one in its name or is `.` or `..`
 * (picomatch's `**` does not cross such a folder). test/input/walk-default.test.ts checks it against
 * picomatch; loading picomatch for this alone would cost a plain lint a tenth of its start-up.
 */
export function isDefaultFile(path: string): boolean {
  if (!REQUEST_EXTENSION.test(path)) return false;
  const slash = path.lastIndexOf("/");
  if (LINE_BREAK.test(path.charAt(slash + 1))) return false;
  if (slash < 0) return true;
  const dir = path.slice(0, slash);
  return !LINE_BREAK.test(dir) && !hasDotSegment(dir);
}

/** Whether a walked file is one to lint, by the config's globs (compiled once, not per file). */
function fileMatcher(options: WalkOptions): (abs: string) => boolean {
  // The config's globs are matched in linear time (a hostile glob cannot stall the walk).
  const byDefault = isDefaultFile;
  const include = options.files?.length ? globMatcher(options.files) : byDefault;
  const ignore = options.ignores?.length ? globMatcher(options.ignores) : () => false;
  return (abs) => {
    const rel = relativeSlashed(options.baseDir, abs);
    // Outside the config's folder its globs cannot apply: fall back to the default extensions.
    if (rel.startsWith("../")) return byDefault(slashed(abs));
    return include(rel) && !ignore(rel);
  };
}

export function walk(paths: readonly string[], options: WalkOptions): { files: FoundFile[]; errors: WalkError[] } {
  const wanted = fileMatcher(options);
  const files: FoundFile[] = [];
  const errors: WalkError[] = [];
  const seen = new Set<string>();
  const add = (path: string, explicit: boolean, root: string, listed = false) => {
    if (seen.has(path) || path === options.exclude) return;
    seen.add(path);
    files.push(listed ? { path, explicit, root, listed } : { path, explicit, root });
  };
  /** A link to a file, taken when it stays inside the walked root (or links outside are allowed). */
  const addLink = (path: string, root: string, realRoot: string) => {
    const real = realFile(path);
    if (real === undefined || !wanted(path)) return;
    if (options.followLinksOutside || isInside(realRoot, real)) add(path, false, root);
    else options.onSkippedLink?.(path, real, root);
  };

  const visit = (dir: string, ignored: ((path: string) => boolean) | undefined, root: string, realRoot: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      errors.push({ path: dir, error: new InputError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      // `dir` is resolved and a name from readdir has no separator: join's normalising would change nothing.
      const path = dir.endsWith(sep) ? dir + entry.name : dir + sep + entry.name;
      if (ignored?.(path)) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) visit(path, ignored, root, realRoot);
      } else if (entry.isFile()) {
        if (wanted(path)) add(path, false, root, true);
      } else if (entry.isSymbolicLink()) {
        addLink(path, root, realRoot);
      }
    }
  };

  for (const arg of paths) {
    const path = resolve(options.cwd, arg);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push({ path, error: new InputError(code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? "error"})`) });
      continue;
    }
    if (stats.isDirectory()) visit(path, gitIgnored(path), path, realpathSync(path));
    else add(path, true, options.cwd);
  }
  return { files, errors };
}

/** The real path of a link that leads to a regular file, else undefined. */
function realFile(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? realpathSync(path) : undefined;
  } catch {
    return undefined;
  }
}
