// The options every command shares, as the commands receive them (declared in options.ts).
import type { FormatName } from "../report/index.js";

export interface CommonArgs {
  config?: string | false;
  region?: string | string[];
  account?: string;
  inventory?: string;
  live?: boolean;
  profile?: string;
  "endpoint-url"?: string;
  concurrency?: number;
  "connect-timeout"?: number;
  "read-timeout"?: number;
  /** Repeatable: several reports in one run, paired in order with `output` (options.ts reportTargets). */
  format?: FormatName | FormatName[];
  output?: string | string[];
  quiet: boolean;
  "max-warnings": number;
  rule: string[];
  "require-facts"?: boolean;
  color?: boolean;
  debug: boolean;
  /** lint and copy: follow links to files outside the folders walked. */
  "follow-links-outside"?: boolean;
}

/** --region as a list (audit --live and export take several). */
export function regionList(args: CommonArgs): string[] {
  return args.region === undefined ? [] : Array.isArray(args.region) ? args.region : [args.region];
}

/** --region as one destination: a request has one, so the last given wins. */
export function destinationRegionArg(args: CommonArgs): string | undefined {
  return Array.isArray(args.region) ? args.region.at(-1) : args.region;
}
