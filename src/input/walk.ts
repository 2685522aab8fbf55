// PATH arguments → the files to lint. Folders are walked (not following links to folders, skipping
// .git and node_modules, and what git ignores) and filtered by the config's picomatch globs; named
// files are always taken.
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import picomatch from "picomatch";
import { gitIgnored } from "./gitignore.js";
import { InputError } from "./read.js";

export const DEFAULT_FILES = ["**/*.{json,yaml,yml}"];
const SKIPPED_DIRS = new Set([".git", "node_modules"]);

export interface FoundFile {
  path: string;
  /** Named on the command line, so linted whatever its content. */
  explicit: boolean;
}

export interface WalkOptions {
  cwd: string;
  /** Folder the globs are relative to (the config's, else the working directory). */
  baseDir: string;
  files?: string[];
  ignores?: string[];
  /** Never lint this file (the config itself). */
  exclude?: string;
}

export interface WalkError {
  path: string;
  error: InputError;
}

export function walk(paths: readonly string[], options: WalkOptions): { files: FoundFile[]; errors: WalkError[] } {
  const include = picomatch(options.files?.length ? options.files : DEFAULT_FILES, { dot: true });
  const ignore = options.ignores?.length ? picomatch(options.ignores, { dot: true }) : () => false;
  const wanted = (abs: string) => {
    const rel = relative(options.baseDir, abs).split("\\").join("/");
    // Outside the config's folder its globs cannot apply: fall back to the default extensions.
    if (rel.startsWith("../")) return picomatch.isMatch(abs.split("\\").join("/"), DEFAULT_FILES, { dot: true });
    return include(rel) && !ignore(rel);
  };
  const files: FoundFile[] = [];
  const errors: WalkError[] = [];
  const seen = new Set<string>();
  const add = (path: string, explicit: boolean) => {
    if (seen.has(path) || path === options.exclude) return;
    seen.add(path);
    files.push({ path, explicit });
  };

  const visit = (dir: string, ignored: ((path: string) => boolean) | undefined) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      errors.push({ path: dir, error: new InputError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (ignored?.(path)) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) visit(path, ignored);
      } else if (entry.isFile() || (entry.isSymbolicLink() && isFile(path))) {
        if (wanted(path)) add(path, false);
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
    if (stats.isDirectory()) visit(path, gitIgnored(path));
    else add(path, true);
  }
  return { files, errors };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
