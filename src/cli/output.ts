// Writing reports: to stdout, or to --output through the one safe writer (src/io/write.ts): a regular
// file is replaced atomically, so a failed run never leaves half a report where a good one was; a
// device or FIFO is written, never replaced; a symbolic link is followed, as a shell's `>` does.
// A report is written as it is made (openReport), in chunks of about 16 KiB.
import { resolve } from "node:path";
import { openFileSafely, writeAll, type SafeFile } from "../io/write.js";
import { UsageError } from "./errors.js";

/** Where one report goes, written piece by piece: `close` when it is complete, `abort` when the run failed. */
export interface ReportOutput {
  write(text: string): void;
  close(): void;
  abort(): void;
}

/** Characters held before a write: few system calls, and little for the young generation to keep. */
const CHUNK = 1 << 14;

/** Standard output. The reader may go away (`| head`): the rest of the report has nobody to read it; the run goes on. */
function stdoutFile(): SafeFile {
  let gone = false;
  const write = (text: string) => {
    if (gone) return;
    try {
      writeAll(1, text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EPIPE") throw error;
      gone = true;
    }
  };
  return { write, commit: () => undefined, abort: () => undefined };
}

export function openReport(output: string | undefined, cwd: string, option = "--output"): ReportOutput {
  const fail = (error: unknown): never => {
    throw new UsageError(`cannot write ${option} ${output}: ${(error as Error).message}`);
  };
  let file: SafeFile;
  try {
    file = output === undefined ? stdoutFile() : openFileSafely(resolve(cwd, output), { links: { kind: "follow" } });
  } catch (error) {
    return fail(error);
  }
  let held: string[] = [];
  let size = 0;
  const flush = () => {
    if (held.length === 0) return;
    const text = held.join("");
    held = [];
    size = 0;
    try {
      file.write(text);
    } catch (error) {
      fail(error);
    }
  };
  return {
    write(text) {
      held.push(text);
      size += text.length;
      if (size >= CHUNK) flush();
    },
    close() {
      flush();
      try {
        file.commit();
      } catch (error) {
        fail(error);
      }
    },
    abort() {
      held = [];
      try {
        file.abort();
      } catch {
        // The run has already failed: its own error is the one to tell.
      }
    },
  };
}

export function writeReport(report: string | Iterable<string>, output: string | undefined, cwd: string, option = "--output"): void {
  const out = openReport(output, cwd, option);
  try {
    for (const chunk of typeof report === "string" ? [report] : report) out.write(chunk);
  } catch (error) {
    out.abort();
    throw error;
  }
  out.close();
}

/** Colour when asked, else when stdout is a terminal and NO_COLOR is not set (no-color.org). */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0";
  return process.stdout.isTTY === true;
}
