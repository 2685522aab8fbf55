// Writing reports: to stdout, or to --output atomically (a temporary file renamed into place), so a
// failed run never leaves half a report where a good one was.
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, basename, join, resolve } from "node:path";
import { UsageError } from "./errors.js";

export function writeReport(text: string, output: string | undefined, cwd: string): void {
  if (output === undefined) {
    process.stdout.write(text);
    return;
  }
  const target = resolve(cwd, output);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
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
