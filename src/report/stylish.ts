// `--format stylish` (default): findings grouped by file, aligned, as ESLint prints them.
import type { Finding } from "../model/types.js";
import type { Formatter } from "./types.js";

const ESC = "\u001b[";
type Paint = (text: string) => string;
const paints = (on: boolean) => {
  const sgr = (open: number, close: number): Paint => (text) => (on ? `${ESC}${open}m${text}${ESC}${close}m` : text);
  return { red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), dim: sgr(2, 22), bold: sgr(1, 22), underline: sgr(4, 24) };
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Widest of the texts. Not `Math.max(...)`: an inventory's findings outnumber the arguments a call can take. */
function width(texts: readonly string[]): number {
  let widest = 0;
  for (const text of texts) widest = Math.max(widest, text.length);
  return widest;
}

/** One line per finding: messages never break the table. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

export const stylish: Formatter = (run, context) => {
  const paint = paints(context.color);
  const byFile = new Map<string, Finding[]>();
  for (const r of run.results) {
    if (r.findings.length === 0) continue;
    const list = byFile.get(r.file) ?? [];
    // One by one, not spread into push (a subject's findings are unbounded) nor concatenated (quadratic over an inventory's subjects).
    for (const f of r.findings) list.push(f);
    byFile.set(r.file, list);
  }
  const out: string[] = [];
  for (const [file, findings] of byFile) {
    const rows = findings.map((f) => ({
      where: `${f.line ?? 0}:${f.column ?? 0}`,
      severity: f.severity,
      message: oneLine(f.message),
      rule: f.ruleId,
    }));
    const whereWidth = width(rows.map((r) => r.where));
    const messageWidth = width(rows.map((r) => r.message));
    out.push(paint.underline(file));
    for (const r of rows) {
      const severity = r.severity === "error" ? paint.red("error  ") : paint.yellow("warning");
      out.push(`  ${paint.dim(r.where.padStart(whereWidth))}  ${severity}  ${r.message.padEnd(messageWidth)}  ${paint.dim(r.rule)}`);
    }
    out.push("");
  }
  const { errors, warnings, subjects, files, skipped } = run.summary;
  const problems = errors + warnings;
  const checked = `${plural(subjects, "subject")} in ${plural(files, "file")}${skipped > 0 ? ` (${skipped} skipped)` : ""}`;
  if (problems > 0) {
    const line = `✖ ${plural(problems, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}) in ${checked}`;
    out.push(errors > 0 ? paint.bold(paint.red(line)) : paint.bold(paint.yellow(line)));
  } else {
    out.push(paint.green(`✔ No problems in ${checked}`));
  }
  return out.join("\n") + "\n";
};
