// Turning a run into output and an exit code, shared by lint and audit.
import type { Rule } from "../engine/rule.js";
import type { RunResult } from "../model/types.js";
import { FORMATTERS, type FormatName } from "../report/index.js";
import { printable } from "../report/escape.js";
import type { RuleInfo } from "../report/types.js";
import { EXIT } from "./errors.js";
import type { ReportTarget } from "./options.js";
import { useColor, writeReport } from "./output.js";
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
function onlyErrors(run: RunResult): RunResult {
  const results = run.results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === "error") }));
  return { ...run, results, summary: { ...run.summary, warnings: 0 } };
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

/** Write one report. Only stylish on stdout gets colour, the terminal's width and links. */
function writeOne(run: RunResult, rules: readonly Rule[], target: ReportTarget, options: ReportOptions): void {
  const toTerminal = target.format === "stylish" && target.path === undefined;
  const color = target.format === "stylish" && useColor(options.color, process.env, target.path !== undefined);
  const text = FORMATTERS[target.format](run, {
    toolName: TOOL_NAME,
    version: TOOL_VERSION,
    rules: ruleInfos(rules),
    color,
    cwd: options.cwd,
    ...(toTerminal ? { width: terminalWidth(process.stdout), links: color && supportsHyperlinks(process.env, process.stdout.isTTY === true) } : {}),
    // The whole run as its user waited for it, from process start.
    elapsedMs: Math.round(process.uptime() * 1000),
  });
  writeReport(text, target.path, options.cwd);
}

/** Print the reports and the input errors; return the exit code. */
export function finish(run: RunResult, rules: readonly Rule[], options: ReportOptions): number {
  const shown = options.quiet ? onlyErrors(run) : run;
  for (const target of options.reports) writeOne(shown, rules, target, options);
  printInputErrors(run.inputErrors);
  if (run.inputErrors.length > 0) {
    // A stylish report on the terminal has just said so in its last line.
    const told = options.reports.some((t) => t.format === "stylish" && t.path === undefined);
    if (!told) process.stderr.write(`${run.inputErrors.length} input ${run.inputErrors.length === 1 ? "error" : "errors"}: the run is incomplete (exit 2)\n`);
    return EXIT.fatal;
  }
  if (shown.summary.errors > 0) return EXIT.findings;
  if (options.maxWarnings >= 0 && shown.summary.warnings > options.maxWarnings) {
    process.stderr.write(`Too many warnings (${shown.summary.warnings}); the maximum is ${options.maxWarnings} (--max-warnings).\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
