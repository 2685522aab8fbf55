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

/** A file being written chunk by chunk: `commit` makes it the file, `abort` leaves the old one as it was. */
export interface SafeFile {
  write(text: string): void;
  commit(): void;
  abort(): void;
}

/**
 * Write an existing file where it is: devices and FIFOs as the text comes; a regular file with
 * several hard links in one go at `commit`, so that a run that fails half-way leaves it untouched.
 */
function inPlace(target: string, bom: boolean, regular: boolean): SafeFile {
  const fd = openSync(target, constants.O_WRONLY | constants.O_NOFOLLOW);
  const held: string[] = [];
  if (bom) held.push("\ufeff");
  const flush = () => writeAll(fd, held.splice(0));
  let length = 0;
  return {
    write(text) {
      held.push(text);
      if (!regular) length += flush();
    },
    commit() {
      try {
        length += flush();
        if (regular) ftruncateSync(fd, length);
      } finally {
        closeSync(fd);
      }
    },
    abort: () => closeSync(fd),
  };
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

/** Keep the replaced file's mode (and owner, where the process may set it) on its replacement. */
function keepMode(fd: number, existing: Stats): void {
  fchmodSync(fd, existing.mode & 0o7777);
  const own = fstatSync(fd);
  if (own.uid === existing.uid && own.gid === existing.gid) return;
  try {
    fchownSync(fd, existing.uid, existing.gid);
  } catch {
    // Only root may give a file away; the new file stays the writer's, with the old mode.
  }
}

/** Replace (or create) a regular file through a temporary file and a rename at `commit`. */
function replacement(target: string, bom: boolean, existing: Stats | undefined): SafeFile {
  const { fd, temp } = createTemp(target);
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  const abort = () => {
    try {
      close();
    } finally {
      rmSync(temp, { force: true });
    }
  };
  try {
    if (existing) keepMode(fd, existing);
    if (bom) writeAll(fd, "\ufeff");
  } catch (error) {
    abort();
    throw error;
  }
  return {
    write: (text) => void writeAll(fd, text),
    commit() {
      try {
        close();
        renameSync(temp, target);
      } catch (error) {
        abort();
        throw error;
      }
    },
    abort,
  };
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

function guarded<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw new WriteError(reason(error));
  }
}

/** Open `path` for writing as described at the top of this file; each step throws WriteError saying why not. */
export function openFileSafely(path: string, options: WriteOptions): SafeFile {
  const file = guarded(() => {
    const target = resolveTarget(path, options.links);
    const existing = lstatOrUndefined(target);
    if (existing?.isDirectory()) throw new WriteError("it is a directory");
    const bom = options.keepBom === true && existing?.isFile() === true && startsWithBom(target);
    if (existing !== undefined && !existing.isFile()) return inPlace(target, false, false);
    if (existing !== undefined && existing.nlink > 1) return inPlace(target, bom, true);
    return replacement(target, bom, existing);
  });
  return {
    write: (text) => guarded(() => file.write(text)),
    commit: () => guarded(() => file.commit()),
    abort: () => guarded(() => file.abort()),
  };
}

/** Write `content` to `path` as described at the top of this file; throws WriteError saying why not. */
export function writeFileSafely(path: string, content: string | Iterable<string>, options: WriteOptions): void {
  const file = openFileSafely(path, options);
  try {
    for (const chunk of typeof content === "string" ? [content] : content) file.write(chunk);
  } catch (error) {
    file.abort();
    throw error;
  }
  file.commit();
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
