// `copy [PATH…]`: lint the requests with live facts, plan one action each, and — only with --apply —
// start the copies (each once, never overwriting), then with --wait follow them to the end.
import { copyJson, copyStylish, type CopyRun } from "../report/copy.js";
import { planCopy, refuseDuplicateTargets, type CopyItem } from "../copy/plan.js";
import { runCopies } from "../copy/execute.js";
import { liveFacts } from "../facts/source.js";
import { runRequests } from "../pipeline/index.js";
import { placeFinding, type Locate } from "../pipeline/locate.js";
import type { CommonArgs } from "./args.js";
import { awsOptions, connect } from "./aws.js";
import { EXIT, UsageError } from "./errors.js";
import { writeReport } from "./output.js";
import { TOOL_NAME, TOOL_VERSION } from "./package-info.js";
import { loadPolicy } from "./policy.js";
import { requestRunOptions } from "./lint.js";
import { printInputErrors } from "./finish.js";

export interface CopyArgs extends Omit<CommonArgs, "format" | "output"> {
  /** One report: yargs offers only these two and refuses a second --format. */
  format: "stylish" | "json";
  output?: string;
  paths: string[];
  apply: boolean;
  wait: boolean;
  timeout: number;
  "poll-interval": number;
  "max-in-progress": number;
}

/** Progress of started copies on stderr: a redrawn block on a terminal, plain lines otherwise. */
function progressReporter(items: CopyItem[]): (item: CopyItem) => void {
  const tty = process.stderr.isTTY === true;
  let drawn = 0;
  return (changed) => {
    if (!tty) {
      const pct = changed.percentProgress === undefined ? "" : ` ${changed.percentProgress}%`;
      process.stderr.write(`copy: ${changed.id} in ${changed.region}: ${changed.outcome === "started" || changed.outcome === "in-progress" ? (changed.status ?? "copying") : changed.outcome}${pct}\n`);
      return;
    }
    const active = items.filter((i) => ["started", "in-progress", "available", "failed"].includes(i.outcome));
    if (drawn > 0) process.stderr.write(`\u001b[${drawn}A`);
    for (const i of active) {
      const pct = i.percentProgress ?? 0;
      const bar = "#".repeat(Math.round(pct / 5)).padEnd(20, ".");
      process.stderr.write(`\u001b[2K${(i.id ?? "").padEnd(40)} [${bar}] ${String(pct).padStart(3)}% ${i.outcome === "started" || i.outcome === "in-progress" ? (i.status ?? "copying") : i.outcome}\n`);
    }
    drawn = active.length;
  };
}

function checkArgs(args: CopyArgs): void {
  if (args.inventory !== undefined) throw new UsageError("copy acts on live facts only: an inventory may be out of date (drop --inventory)");
  if (args.wait && !args.apply) throw new UsageError("--wait needs --apply (a dry run starts nothing to wait for)");
  if (!(args.timeout > 0)) throw new UsageError("--timeout must be a positive number of seconds");
  if (!(args["poll-interval"] > 0)) throw new UsageError("--poll-interval must be a positive number of seconds");
  if (!Number.isInteger(args["max-in-progress"]) || args["max-in-progress"] < 1) throw new UsageError("--max-in-progress must be a whole number of at least 1");
}

/** Exit code of a copy run (SPEC §1, §6). */
function exitCode(items: readonly CopyItem[], args: CopyArgs, result: CopyRun): number {
  if (result.stopped !== undefined) return EXIT.fatal;
  const bad = items.some((i) => ["refused", "conflict", "failed", "not-started", "in-progress"].includes(i.outcome));
  const unfinished = args.wait && items.some((i) => i.outcome === "started");
  return bad || unfinished || result.interrupted ? EXIT.findings : EXIT.ok;
}

export async function copyCommand(args: CopyArgs): Promise<number> {
  const cwd = process.cwd();
  checkArgs(args);
  const policy = await loadPolicy(args.config, args.rule, cwd);
  const aws = await connect(args);
  // Copy acts only on what it verified: every check that could not run is a finding (SPEC §4).
  // A fault while gathering facts ends the run before anything is started (exit 2).
  const run = await runRequests({
    ...requestRunOptions(args, policy, cwd),
    facts: liveFacts(aws),
    callerAccount: await aws.callerAccount(),
    requireFacts: true,
    keepChecked: true,
    refusePlans: true,
  });
  const located = new Map<CopyItem, Locate | undefined>();
  const items: CopyItem[] = (run.checked ?? []).map(({ subject, facts, result, locate }) => {
    const item = planCopy(subject, facts, result);
    located.set(item, locate);
    return item;
  });
  for (const e of run.inputErrors) process.stderr.write(`${[e.file, e.line, e.column].filter((x) => x !== undefined).join(":")}: ${e.message}\n`);
  if (run.inputErrors.length > 0) {
    process.stderr.write("copy: some input could not be read; nothing was copied (exit 2)\n");
    return EXIT.fatal;
  }
  let stopped: string | undefined;
  refuseDuplicateTargets(items, (item, finding) => placeFinding(finding, item.pointer ?? "", located.get(item)));

  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) return;
    controller.abort();
    process.stderr.write("\nInterrupted: no new copies will be started; copies already started go on in AWS.\n");
  };
  process.on("SIGINT", onInterrupt);
  try {
    if (args.apply) {
      const { loadCopier } = await import("../aws/index.js");
      const copier = await loadCopier(awsOptions(args));
      const outcome = await runCopies(items, copier, {
        concurrency: args.concurrency ?? 8,
        maxInProgress: args["max-in-progress"],
        wait: args.wait,
        pollMs: args["poll-interval"] * 1000,
        timeoutMs: args.timeout * 1000,
        signal: controller.signal,
        onChange: progressReporter(items),
      });
      stopped = outcome.fatal?.message;
    }
  } finally {
    process.off("SIGINT", onInterrupt);
  }

  const result: CopyRun = { applied: args.apply, interrupted: controller.signal.aborted, ...(stopped !== undefined ? { stopped } : {}), items };
  writeReport(args.format === "json" ? copyJson(result, { name: TOOL_NAME, version: TOOL_VERSION }) : copyStylish(result), args.output, cwd);
  if (stopped !== undefined) process.stderr.write(`copy: stopped (exit 2): ${stopped}\n`);
  return exitCode(items, args, result);
}
