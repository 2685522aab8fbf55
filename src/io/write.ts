// The one way this tool writes a file: reports (--output), baselines, inventories (export), remediation
// plans and fixed request files all come through here. Files are the user's property:
//
// - a regular file is replaced through a temporary file in its folder (created exclusively, with a
//   random name, never through a link) and a rename, so an interrupted run never leaves half a file;
//   the replacement keeps the file's mode (and owner, where the process may set it);
// - a regular file with more than one hard link is rewritten in place, so every name keeps seeing it;
// - anything else that exists (a device such as /dev/null, a FIFO) is written directly, never replaced;
// - a symbolic link is followed, refused, or followed only to a file inside a given folder: the caller
//   says which (see LinkPolicy).
import { nodeCrypto } from "./builtins.js";
import { closeSync, constants, fchmodSync, fchownSync, fstatSync, ftruncateSync, lstatSync, openSync, readSync, realpathSync, renameSync, rmSync, writeSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../input/read.js";
import { isInside } from "./paths.js";
import { printable } from "../report/escape.js";

/**
 * What to do when the path is a symbolic link:
 * - `follow`: write to the file it leads to (the user named this path, as with a shell's `>`);
 * - `refuse`: never (files whose names the tool chose, inside a folder the user gave);
 * - `within`: only when the file it leads to lies inside `root` (a fix inside a walked repository).
 */
export type LinkPolicy = { kind: "follow" } | { kind: "refuse" } | { kind: "within"; root: string };

export interface WriteOptions {
  links: LinkPolicy;
  /** Keep a UTF-8 byte order mark the file starts with (text read through readText lost it). */
  keepBom?: boolean;
}

/** Why a file could not be written; the message names no file (callers say which and why they wrote). */
export class WriteError extends Error {}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Write every chunk; a descriptor that is not ready (EAGAIN, e.g. a non-blocking stdout pipe) is retried. */
export function writeAll(fd: number, content: string | Iterable<string>): number {
  let total = 0;
  for (const chunk of typeof content === "string" ? [content] : content) {
    const bytes = Buffer.from(chunk, "utf8");
    for (let done = 0; done < bytes.length; ) {
      try {
        done += writeSync(fd, bytes, done);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      }
    }
    total += bytes.length;
  }
  return total;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}


/** The path to write to, after the link policy: the path itself, or the real file a link leads to. */
function resolveTarget(path: string, links: LinkPolicy): string {
  const stats = lstatOrUndefined(path);
  if (stats === undefined || !stats.isSymbolicLink()) return path;
  if (links.kind === "refuse") throw new WriteError("it is a symbolic link: refusing to write through it");
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    throw new WriteError("it is a symbolic link to a file that does not exist: refusing to write through it");
  }
  if (links.kind === "within") {
    const root = realpathSync(links.root);
    if (!isInside(root, real)) throw new WriteError(`it is a symbolic link to ${printable(real)}, outside ${printable(links.root)}: refusing to write through it`);
  }
  return real;
}

/** Write an existing file where it is: devices and FIFOs, and regular files with several hard links. */
function writeInPlace(target: string, content: string | Iterable<string>, bom: boolean, regular: boolean): void {
  const fd = openSync(target, constants.O_WRONLY | constants.O_NOFOLLOW);
  try {
    const length = (bom ? writeAll(fd, "\ufeff") : 0) + writeAll(fd, content);
    if (regular) ftruncateSync(fd, length);
  } finally {
    closeSync(fd);
  }
}

/** A new file next to `target`, created exclusively under a random name (never an existing path or link). */
function createTemp(target: string): { fd: number; temp: string } {
  for (let attempt = 0; ; attempt++) {
    const temp = join(dirname(target), `.${basename(target)}.${nodeCrypto().randomBytes(8).toString("hex")}.tmp`);
    try {
      const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
      return { fd, temp };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 5) throw error;
    }
  }
}

/** Replace (or create) a regular file through a temporary file and a rename, keeping mode and owner. */
function replace(target: string, content: string | Iterable<string>, bom: boolean, existing: Stats | undefined): void {
  const { fd, temp } = createTemp(target);
  try {
    try {
      if (existing) {
        fchmodSync(fd, existing.mode & 0o7777);
        const own = fstatSync(fd);
        if (own.uid !== existing.uid || own.gid !== existing.gid) {
          try {
            fchownSync(fd, existing.uid, existing.gid);
          } catch {
            // Only root may give a file away; the new file stays the writer's, with the old mode.
          }
        }
      }
      if (bom) writeAll(fd, "\ufeff");
      writeAll(fd, content);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function startsWithBom(target: string): boolean {
  const fd = openSync(target, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const head = Buffer.alloc(3);
    return readSync(fd, head, 0, 3, 0) === 3 && head.equals(BOM);
  } finally {
    closeSync(fd);
  }
}

function reason(error: unknown): string {
  if (error instanceof WriteError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOENT") return "its folder does not exist";
  if (code === "EISDIR") return "it is a directory";
  return code ?? (error as Error).message;
}

/** Write `content` to `path` as described at the top of this file; throws WriteError saying why not. */
export function writeFileSafely(path: string, content: string | Iterable<string>, options: WriteOptions): void {
  try {
    const target = resolveTarget(path, options.links);
    const existing = lstatOrUndefined(target);
    if (existing?.isDirectory()) throw new WriteError("it is a directory");
    const bom = options.keepBom === true && existing?.isFile() === true && startsWithBom(target);
    if (existing !== undefined && !existing.isFile()) writeInPlace(target, content, false, false);
    else if (existing !== undefined && existing.nlink > 1) writeInPlace(target, content, bom, true);
    else replace(target, content, bom, existing);
  } catch (error) {
    throw new WriteError(reason(error));
  }
}

/**
 * Write a file `--fix` changed: its BOM kept; through a symbolic link only when the real file stays
 * inside `root` (the folder walked, or the working directory for a file named on the command line).
 */
export function writeFixedFile(path: string, text: string, root: string): void {
  try {
    writeFileSafely(path, text, { links: { kind: "within", root }, keepBom: true });
  } catch (error) {
    throw new InputError(`${path}: cannot write the fixed file: ${(error as Error).message}`);
  }
}
