// Writing reports: to stdout, or to --output through the one safe writer (src/io/write.ts): a regular
// file is replaced atomically, so a failed run never leaves half a report where a good one was; a
// device or FIFO is written, never replaced; a symbolic link is followed, as a shell's `>` does.
import { resolve } from "node:path";
import { writeAll, writeFileSafely } from "../io/write.js";
import { UsageError } from "./errors.js";

export function writeReport(report: string | Iterable<string>, output: string | undefined, cwd: string, option = "--output"): void {
  if (output === undefined) {
    try {
      writeAll(1, report);
    } catch (error) {
      // The reader went away (`| head`): the rest of the report has nobody to read it; the run goes on.
      if ((error as NodeJS.ErrnoException).code !== "EPIPE") throw error;
    }
    return;
  }
  try {
    writeFileSafely(resolve(cwd, output), report, { links: { kind: "follow" } });
  } catch (error) {
    throw new UsageError(`cannot write ${option} ${output}: ${(error as Error).message}`);
  }
}

/** Colour when asked, else when stdout is a terminal and NO_COLOR is not set (no-color.org). */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0";
  return process.stdout.isTTY === true;
}
