// Turning a run into reports and an exit code, shared by lint and audit. The reports are written as
// the run goes: each result reaches every report target (--format X --output F, repeatable) as soon
// as it is final, and the end (summary, rules not run, input errors) when the run is over.
import type { Rule } from "../engine/rule.js";
import type { RunResult, SubjectResult } from "../model/types.js";
import { WRITERS } from "../report/index.js";
import { printable } from "../report/escape.js";
import type { ReportContext, ReportWriter, RuleInfo, RunTail } from "../report/types.js";
import { EXIT } from "./errors.js";
import type { ReportTarget } from "./options.js";
import { openReport, useColor, type ReportOutput } from "./output.js";
import { CUSTOM_RULES_URI, DOCS_BASE, TOOL_NAME, TOOL_VERSION, ruleHelpUri } from "./package-info.js";
import { DESTINATION_UNKNOWN } from "../pipeline/index.js";
import { supportsHyperlinks, terminalWidth } from "./terminal.js";
import { RULES } from "../../rules/index.js";

export interface ReportOptions {
  /** One report per target, each in its format, to its file or (path undefined) stdout. */
  reports: readonly ReportTarget[];
  quiet: boolean;
  maxWarnings: number;
  color?: boolean;
  cwd: string;
}

/** --quiet: warnings are neither shown nor counted (as in ESLint). */
function onlyErrors(result: SubjectResult): SubjectResult {
  return result.findings.every((f) => f.severity === "error") ? result : { ...result, findings: result.findings.filter((f) => f.severity === "error") };
}

const BUILT_IN: ReadonlySet<Rule> = new Set(RULES);

/** The rules a report may name: every rule, and the one warning a subject without a destination gets. */
export function ruleInfos(rules: readonly Rule[]): RuleInfo[] {
  return [
    ...rules.map((r) => ({
      id: r.id,
      summary: r.summary,
      recommended: r.recommended,
      helpUri: BUILT_IN.has(r) ? ruleHelpUri(r.id) : CUSTOM_RULES_URI,
      description: r.description,
      ...(r.category !== undefined ? { category: r.category } : {}),
      ...(r.docs?.length ? { references: r.docs } : {}),
    })),
    {
      id: DESTINATION_UNKNOWN,
      summary: "The destination region and account of a copy must be known to judge it",
      recommended: "warn",
      helpUri: `${DOCS_BASE}/README.md#destination-region-and-account`,
      category: "regions",
    },
  ];
}

/** One line on stderr per input error, `file:line:column: message`, control characters escaped. */
export function printInputErrors(errors: RunResult["inputErrors"]): void {
  for (const e of errors) {
    const where = [e.file, e.line, e.column].filter((x) => x !== undefined).join(":");
    process.stderr.write(`${printable(where)}: ${printable(e.message)}\n`);
  }
}

/** What a report's format is told. Only stylish on stdout gets colour, the terminal's width and links. */
function contextFor(rules: readonly RuleInfo[], target: ReportTarget, options: ReportOptions): ReportContext {
  const toTerminal = target.format === "stylish" && target.path === undefined;
  const color = target.format === "stylish" && useColor(options.color, process.env, target.path !== undefined);
  return {
    toolName: TOOL_NAME,
    version: TOOL_VERSION,
    rules,
    color,
    cwd: options.cwd,
    ...(toTerminal ? { width: terminalWidth(process.stdout), links: color && supportsHyperlinks(process.env, process.stdout.isTTY === true) } : {}),
    // The whole run as its user waited for it, from process start to the report's end.
    get elapsedMs() {
      return Math.round(process.uptime() * 1000);
    },
  };
}

/**
 * The run's reports, open: `result` for each result as it is final (--quiet drops its warnings),
 * then `finish` (or `abort` when the run fails: no report file is replaced by half a report).
 */
export class Reports {
  private readonly open: { writer: ReportWriter; out: ReportOutput }[] = [];
  private errors = 0;
  private warnings = 0;

  constructor(
    rules: readonly Rule[],
    private readonly options: ReportOptions,
  ) {
    const infos = ruleInfos(rules);
    try {
      for (const target of options.reports) {
        const out = openReport(target.path, options.cwd);
        this.open.push({ out, writer: WRITERS[target.format](contextFor(infos, target, options), (text) => out.write(text)) });
      }
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  readonly result = (result: SubjectResult): void => {
    const shown = this.options.quiet ? onlyErrors(result) : result;
    for (const f of shown.findings) f.severity === "error" ? this.errors++ : this.warnings++;
    for (const { writer } of this.open) writer.result(shown);
  };

  abort(): void {
    for (const { out } of this.open) out.abort();
  }

  /** End the reports and print the input errors; return the exit code. Counts are of what the reports show. */
  finish(tail: RunTail): number {
    const summary = { ...tail.summary, errors: this.errors, warnings: this.warnings };
    try {
      for (const { writer, out } of this.open) {
        writer.end({ summary, inputErrors: tail.inputErrors });
        out.close();
      }
    } catch (error) {
      this.abort();
      throw error;
    }
    return exitCode({ summary, inputErrors: tail.inputErrors }, this.options);
  }
}

/** Report a run collected whole (the results came to no sink). */
export function finish(run: RunResult, rules: readonly Rule[], options: ReportOptions): number {
  const reports = new Reports(rules, options);
  try {
    for (const result of run.results) reports.result(result);
  } catch (error) {
    reports.abort();
    throw error;
  }
  return reports.finish(run);
}

function exitCode(run: RunTail, options: ReportOptions): number {
  printInputErrors(run.inputErrors);
  if (run.inputErrors.length > 0) {
    // A stylish report on the terminal has just said so in its last line.
    const told = options.reports.some((t) => t.format === "stylish" && t.path === undefined);
    if (!told) process.stderr.write(`${run.inputErrors.length} input ${run.inputErrors.length === 1 ? "error" : "errors"}: the run is incomplete (exit 2)\n`);
    return EXIT.fatal;
  }
  if (run.summary.errors > 0) return EXIT.findings;
  if (options.maxWarnings >= 0 && run.summary.warnings > options.maxWarnings) {
    process.stderr.write(`Too many warnings (${run.summary.warnings}); the maximum is ${options.maxWarnings} (--max-warnings).\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
