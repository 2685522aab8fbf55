// Writing reports: to stdout, or to --output atomically (a temporary file renamed into place), so a
// failed run never leaves half a report where a good one was.
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname, basename, join, resolve } from "node:path";
import { UsageError } from "./errors.js";

/** Write every chunk; a stdout pipe that is not ready (EAGAIN) is retried rather than the report lost. */
function writeAll(fd: number, report: string | Iterable<string>): void {
  for (const chunk of typeof report === "string" ? [report] : report) {
    const bytes = Buffer.from(chunk, "utf8");
    for (let done = 0; done < bytes.length; ) {
      try {
        done += writeSync(fd, bytes, done);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      }
    }
  }
}

export function writeReport(report: string | Iterable<string>, output: string | undefined, cwd: string): void {
  if (output === undefined) {
    try {
      writeAll(1, report);
    } catch (error) {
      // The reader went away (`| head`): the rest of the report has nobody to read it; the run goes on.
      if ((error as NodeJS.ErrnoException).code !== "EPIPE") throw error;
    }
    return;
  }
  const target = resolve(cwd, output);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, "w");
    try {
      writeAll(fd, report);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new UsageError(`cannot write --output ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
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
