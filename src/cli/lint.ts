// `lint [PATH…]`: check proposed copy requests, with facts from --inventory or --live when given.
import { resolve } from "node:path";
import { BaselineError, BaselineRecorder, baselineFilter, readBaseline } from "../baseline.js";
import { loadInventory } from "../facts/inventory.js";
import { displayPath } from "../input/display-path.js";
import { writeFixedFile } from "../io/write.js";
import { printable } from "../report/escape.js";
import { indexFacts, liveFacts, type FactSource } from "../facts/source.js";
import { InputError } from "../input/read.js";
import { runRequests, type FixRecord, type RequestRunOptions } from "../pipeline/index.js";
import type { RunResult, SubjectResult } from "../model/types.js";
import { destinationRegionArg, type CommonArgs } from "./args.js";
import { connect } from "./aws.js";
import { STDIN_ARG } from "./stdin.js";
import { UsageError } from "./errors.js";
import { Reports, type ReportOptions } from "./finish.js";
import { writeReport } from "./output.js";
import { loadPolicy, type Policy } from "./policy.js";
import { reportTargets } from "./options.js";

export interface LintArgs extends CommonArgs {
  paths: string[];
  baseline?: string;
  "write-baseline"?: string;
  "only-requests"?: boolean;
  fix?: boolean;
  "fix-dry-run"?: boolean;
  "stdin-filename"?: string;
}

/** What every command that lints requests takes from its arguments: paths, policy, --region, --account. */
export function requestRunOptions(args: CommonArgs & { paths: string[] }, policy: Policy, cwd: string): RequestRunOptions {
  return {
    cwd,
    paths: args.paths.length ? args.paths : ["."],
    config: policy.config,
    rules: policy.rules,
    cliRules: policy.cliRules,
    region: destinationRegionArg(args),
    account: args.account === undefined ? undefined : String(args.account),
    ...(args["require-facts"] ? { requireFacts: true } : {}),
    followLinksOutside: args["follow-links-outside"],
    onSkippedLink: (path, target, root) =>
      process.stderr.write(`${printable(displayPath(cwd, path))}: skipped: a link to ${printable(target)}, outside ${printable(displayPath(cwd, root))} (--follow-links-outside lints it)\n`),
  };
}

function reportFixes(fixes: readonly FixRecord[], dryRun: boolean, unifiedDiff: ((file: string, before: string, after: string) => string) | undefined): void {
  if (fixes.length === 0) return;
  for (const f of fixes) {
    if (dryRun) process.stdout.write(unifiedDiff!(f.file, f.before, f.after));
    else writeFixedFile(f.path, f.after, f.root);
  }
  const count = fixes.reduce((n, f) => n + f.applied, 0);
  process.stderr.write(`${dryRun ? "Would fix" : "Fixed"} ${count} problem${count === 1 ? "" : "s"} in ${fixes.length} file${fixes.length === 1 ? "" : "s"}.\n`);
}

/** `lint -`: one document from standard input. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const { decode } = await import("../input/read.js");
  try {
    return decode(Buffer.concat(chunks));
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`<stdin>: ${error.message}`);
    throw error;
  }
}

async function factsFor(args: LintArgs, cwd: string): Promise<{ facts?: FactSource; callerAccount?: string }> {
  if (args.inventory !== undefined) return { facts: indexFacts((await loadInventory(args.inventory, cwd)).inventory.index) };
  if (!args.live) return {};
  const aws = await connect(args);
  return { facts: liveFacts(aws), callerAccount: await aws.callerAccount() };
}

/**
 * Where lint's results go: through the baseline (--baseline drops the findings it knows;
 * --write-baseline records every finding, and the run with it shows none) to the reports.
 */
function reporting(args: LintArgs, policy: Policy, options: ReportOptions) {
  let recorder: BaselineRecorder | undefined;
  let filter: ((r: SubjectResult) => SubjectResult) | undefined;
  if (args["write-baseline"] !== undefined) recorder = new BaselineRecorder();
  else if (args.baseline !== undefined) {
    try {
      filter = baselineFilter(readBaseline(resolve(options.cwd, args.baseline)));
    } catch (error) {
      if (error instanceof BaselineError) throw new UsageError(`--baseline ${args.baseline} ${error.message}`);
      throw error;
    }
  }
  const reports = new Reports(policy.rules, options);
  const sink = (r: SubjectResult) => reports.result(recorder ? recorder.take(r) : filter ? filter(r) : r);
  const finish = (run: RunResult) => {
    if (recorder) {
      const baseline = recorder.baseline();
      try {
        writeReport(JSON.stringify(baseline, null, 2) + "\n", args["write-baseline"], options.cwd, "--write-baseline");
      } catch (error) {
        reports.abort();
        throw error;
      }
      process.stderr.write(`Wrote ${baseline.findings.length} finding${baseline.findings.length === 1 ? "" : "s"} to the baseline ${args["write-baseline"]}.\n`);
    }
    return reports.finish(run);
  };
  return { sink, finish, abort: () => reports.abort() };
}

/** Run the pipeline into the reports (each result written as its file is done), or abort them if it fails. */
async function streamed(options: RequestRunOptions, to: ReturnType<typeof reporting>): Promise<number> {
  let run;
  try {
    run = await runRequests({ ...options, sink: to.sink });
  } catch (error) {
    to.abort();
    throw error;
  }
  return to.finish(run);
}

export async function lintCommand(args: LintArgs): Promise<number> {
  const cwd = process.cwd();
  if (args.live && args.inventory !== undefined) throw new UsageError("give --inventory FILE or --live, not both");
  const fromStdin = args.paths.length === 1 && args.paths[0] === STDIN_ARG;
  if (args.paths.includes(STDIN_ARG) && !fromStdin) throw new UsageError("`-` (standard input) cannot be combined with other paths");
  if (fromStdin && (args.fix || args["fix-dry-run"])) throw new UsageError("--fix works on files; standard input has none to write back (print the fixes of a file with --fix-dry-run FILE)");
  if (args["stdin-filename"] !== undefined && !fromStdin) throw new UsageError("--stdin-filename goes with `lint -` (read from standard input)");
  const policy = await loadPolicy(args.config, args.rule, cwd);
  const stdin = fromStdin ? { text: await readStdin(), path: args["stdin-filename"] ?? "<stdin>" } : undefined;
  const options: RequestRunOptions = {
    ...requestRunOptions(args, policy, cwd),
    ...(await factsFor(args, cwd)),
    onlyRequests: args["only-requests"],
    fix: args.fix || args["fix-dry-run"],
    ...(stdin ? { stdin } : {}),
  };
  const reportOptions: ReportOptions = { reports: reportTargets(args), quiet: args.quiet, maxWarnings: args["max-warnings"], color: args.color, cwd };
  if (!options.fix) return streamed(options, reporting(args, policy, reportOptions));
  // --fix: the fixes are written (or their diffs printed) before the report, which shows the fixed files.
  const found = await runRequests(options);
  const dryRun = args["fix-dry-run"] === true;
  reportFixes(found.fixes ?? [], dryRun, dryRun ? (await import("../fix/diff.js")).unifiedDiff : undefined);
  const to = reporting(args, policy, reportOptions);
  try {
    for (const result of found.results) to.sink(result);
  } catch (error) {
    to.abort();
    throw error;
  }
  return to.finish(found);
}
