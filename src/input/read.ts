// Bytes to a parsed document, refusing what cannot be a request file: too large, binary, not UTF-8.
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, type Stats } from "node:fs";
import { constants as bufferConstants } from "node:buffer";
import type { ParsedDocument } from "./document.js";
import { InputSyntaxError, lineIndex } from "./document.js";
import { parseJson } from "./json.js";
import { parseYamlFast } from "./yaml-fast.js";

/** Request files are small; anything this large is a mistake (an export, a log), not a request. */
export const MAX_REQUEST_FILE_BYTES = 8 * 1024 * 1024;

export type Syntax = "json" | "yaml";

export class InputError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

export function syntaxOf(path: string): Syntax | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  return undefined;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The longest text this process can hold (V8's string limit, 536,870,888 characters on 64-bit
 * Node.js): a UTF-8 file of at most this many bytes always fits, as no character takes fewer bytes
 * than UTF-16 code units.
 */
export const MAX_TEXT_BYTES = bufferConstants.MAX_STRING_LENGTH;

/** What a path that is not a regular file is, for the message refusing it; undefined for a regular file. */
export function notRegular(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return "is a directory";
  if (stats.isFIFO()) return "is a FIFO (named pipe), not a regular file";
  if (stats.isCharacterDevice()) return "is a character device (like /dev/zero or /dev/null), not a regular file";
  if (stats.isBlockDevice()) return "is a block device, not a regular file";
  if (stats.isSocket()) return "is a socket, not a regular file";
  return "is not a regular file";
}

/** Read a file as UTF-8 text, or throw InputError saying why it cannot be. */
export function readText(path: string, maxBytes = MAX_REQUEST_FILE_BYTES): string {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // open + fstat + read: kind and size are checked on the open file, without a separate stat of
    // the path. O_NONBLOCK: opening a FIFO must not wait for a writer (regular files ignore it).
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    const kind = notRegular(stats);
    if (kind !== undefined) throw new InputError(kind);
    const size = stats.size;
    if (size > maxBytes) {
      const whole = maxBytes % 1048576 === 0;
      const amount = (n: number) => (whole ? `${(n / 1048576).toFixed(1)} MiB` : `${n.toLocaleString("en-US")} bytes`);
      throw new InputError(`is too large (${amount(size)}; the limit is ${whole ? `${maxBytes / 1048576} MiB` : amount(maxBytes)})`);
    }
    bytes = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, bytes, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    if (done < size) bytes = bytes.subarray(0, done);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "does not exist" : code === "EACCES" || code === "EPERM" ? "cannot be read (permission denied)" : code === "EISDIR" ? "is a directory" : `cannot be read (${code ?? (error as Error).message})`;
    throw new InputError(reason);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return decode(bytes);
}

/**
 * A file its folder listed as a regular file (a walk's), read in one call: Node's readFileSync with an
 * encoding opens, reads and closes in native code, a third of what open + fstat + read + close cost
 * from JavaScript on 10,000 small files. Whatever might not be plain UTF-8 text within the limit — a
 * replacement character (invalid bytes, or a UTF-16/32 byte order mark), a NUL, a size near the limit
 * — is read again by readText, which says exactly what is wrong. Named paths (which may be FIFOs or
 * devices) and links always take readText.
 */
export function readListedText(path: string, maxBytes = MAX_REQUEST_FILE_BYTES): string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return readText(path, maxBytes);
  }
  // A character takes at most 3 bytes of UTF-8 per UTF-16 code unit: below a third of the limit it fits.
  if (text.length * 3 > maxBytes || text.includes("\uFFFD") || text.includes("\u0000")) return readText(path, maxBytes);
  // readText's decoder drops a byte order mark, and decode() one more: drop as many.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The name of a UTF-16 or UTF-32 byte order mark the bytes start with. */
function otherUnicode(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return "UTF-32LE";
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return "UTF-32BE";
  if (a === 0xff && b === 0xfe) return "UTF-16LE";
  if (a === 0xfe && b === 0xff) return "UTF-16BE";
  return undefined;
}

export function decode(bytes: Uint8Array): string {
  const encoding = otherUnicode(bytes);
  if (encoding !== undefined) throw new InputError(`is ${encoding} text; save it as UTF-8`);
  if (bytes.includes(0)) throw new InputError("is a binary file (it contains NUL bytes), not JSON or YAML");
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError("is not valid UTF-8 text");
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parse text as JSON or YAML; syntax errors become InputError with line and column. */
export async function parseText(text: string, syntax: Syntax): Promise<ParsedDocument> {
  if (syntax === "json") return parseJsonText(text);
  try {
    const fast = parseYamlFast(text);
    if (fast !== undefined) return fast;
    const { parseYaml } = await import("./yaml.js");
    return parseYaml(text);
  } catch (error) {
    throw located(error, text, "YAML");
  }
}

/** parseText for JSON, synchronously. */
export function parseJsonText(text: string): ParsedDocument {
  try {
    return parseJson(text);
  } catch (error) {
    throw located(error, text, "JSON");
  }
}

function located(error: unknown, text: string, syntax: "JSON" | "YAML"): unknown {
  if (!(error instanceof InputSyntaxError)) return error;
  const { line, column } = lineIndex(text)(error.offset);
  return new InputError(`${syntax} syntax error: ${error.message}`, line, column);
}
