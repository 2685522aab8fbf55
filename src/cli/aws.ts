// AWS access for the commands that use it: the fact reader (--live, export) with progress on a terminal.
import type { AwsFacts, AwsOptions, ProgressEvent } from "../aws/types.js";
import type { CommonArgs } from "./args.js";
import { UsageError } from "./errors.js";

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

/** The AWS settings the command line gives every client (facts and copier alike). */
export function awsOptions(args: CommonArgs): AwsOptions {
  const concurrency = args.concurrency ?? 8;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError("--concurrency must be a whole number of at least 1");
  const seconds = (name: "connect-timeout" | "read-timeout") => {
    const value = args[name];
    if (value === undefined) return undefined;
    if (!(value > 0) || !Number.isFinite(value)) throw new UsageError(`--${name} must be a positive number of seconds`);
    return Math.ceil(value * 1000);
  };
  const connectTimeoutMs = seconds("connect-timeout");
  const requestTimeoutMs = seconds("read-timeout");
  return {
    profile: args.profile,
    endpointUrl: args["endpoint-url"],
    concurrency,
    ...(connectTimeoutMs !== undefined ? { connectTimeoutMs } : {}),
    ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
  };
}

export async function connect(args: CommonArgs): Promise<AwsFacts> {
  const options = awsOptions(args);
  const { loadAws } = await import("../aws/index.js");
  return loadAws({ ...options, onProgress: progressPrinter() });
}
