// Bytes to a parsed document, refusing what cannot be a request file: too large, binary, not UTF-8.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
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

/** Read a file as UTF-8 text, or throw InputError saying why it cannot be. */
export function readText(path: string, maxBytes = MAX_REQUEST_FILE_BYTES): string {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    // open + fstat + read: the size is checked on the open file, without a separate stat of the path.
    fd = openSync(path, "r");
    const size = fstatSync(fd).size;
    if (size > maxBytes) {
      throw new InputError(`is too large (${(size / 1048576).toFixed(1)} MiB; the limit is ${maxBytes / 1048576} MiB)`);
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

export function decode(bytes: Uint8Array): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new InputError("is UTF-16 text; save it as UTF-8");
  }
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
  try {
    if (syntax === "json") return parseJson(text);
    const fast = parseYamlFast(text);
    if (fast !== undefined) return fast;
    const { parseYaml } = await import("./yaml.js");
    return parseYaml(text);
  } catch (error) {
    if (error instanceof InputSyntaxError) {
      const { line, column } = lineIndex(text)(error.offset);
      throw new InputError(`${syntax === "json" ? "JSON" : "YAML"} syntax error: ${error.message}`, line, column);
    }
    throw error;
  }
}
