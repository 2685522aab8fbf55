// Turning --inventory, --live and --region into what commands need: an inventory, AWS access, regions.
import { resolve } from "node:path";
import type { AwsFacts, ProgressEvent } from "../aws/types.js";
import { readInventory, type Inventory } from "../facts/inventory.js";
import { InputError } from "../input/read.js";
import { displayPath } from "../lint.js";
import { UsageError } from "./errors.js";
import type { CommonArgs } from "./main.js";

/** Read --inventory, naming the file and place in any error. */
export async function loadInventory(path: string, cwd: string): Promise<{ inventory: Inventory; file: string; absolute: string }> {
  const absolute = resolve(cwd, path);
  const file = displayPath(cwd, absolute);
  try {
    return { inventory: await readInventory(absolute), file, absolute };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const where = [file, error.line, error.column].filter((x) => x !== undefined).join(":");
    throw new InputError(`${where}: ${error.message}`);
  }
}

/** The regions of --region (repeatable), else the config's, else AWS_REGION / AWS_DEFAULT_REGION. */
export function regionsOf(args: CommonArgs, configRegion: string | undefined, env: NodeJS.ProcessEnv): string[] {
  const given = args.region === undefined ? [] : Array.isArray(args.region) ? args.region : [args.region];
  if (given.length > 0) return [...new Set(given)];
  const fallback = configRegion ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  return fallback === undefined ? [] : [fallback];
}

/** A progress line on stderr, only when it is a terminal (logs and CI stay clean). */
function progressPrinter(): ((event: ProgressEvent) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (event) => {
    const text =
      event.kind === "snapshots" ? `${event.region}: ${event.listed} snapshots listed` : `${event.region}: details ${event.done}/${event.total}`;
    process.stderr.write(`\r\u001b[2K${text}`);
  };
}

/** Clear the progress line before the report is printed. */
export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write("\r\u001b[2K");
}

export async function connect(args: CommonArgs): Promise<AwsFacts> {
  const concurrency = args.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError("--concurrency must be a whole number of at least 1");
  const { loadAws } = await import("../aws/index.js");
  return loadAws({ profile: args.profile, endpointUrl: args["endpoint-url"], concurrency, onProgress: progressPrinter() });
}
