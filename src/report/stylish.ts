// `--format stylish` (default): findings grouped by file, aligned, as ESLint prints them. On a
// terminal (context.width) long messages wrap under their own column so rows fit the screen.
//
// Results come file by file: a file's block is written when the next file starts (its columns are
// as wide as its widest row), so the writer keeps the current file's rows (one per finding, as text),
// and for its snapshots how often each identifier appears (a live snapshot is named by it); the
// summary lines need only counts.
import type { Finding, NotRunNotice, SubjectResult } from "../model/types.js";
import { printable } from "./escape.js";
import { collected, type ReportContext, type RunTail, type StreamFormatter } from "./types.js";

const ESC = "\u001b[";
type Paint = (text: string) => string;
const paints = (on: boolean) => {
  const sgr = (open: number, close: number): Paint => (text) => (on ? `${ESC}${open}m${text}${ESC}${close}m` : text);
  return { red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), blue: sgr(34, 39), dim: sgr(2, 22), bold: sgr(1, 22), underline: sgr(4, 24) };
};

/** An OSC 8 hyperlink: terminals that know it show `text` as a link to `url`, others print `text`. */
export function hyperlink(text: string, url: string): string {
  return `\u001b]8;;${url}\u001b\\${text}\u001b]8;;\u001b\\`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Widest of the texts. Not `Math.max(...)`: an inventory's findings outnumber the arguments a call can take. */
function width(texts: readonly string[]): number {
  let widest = 0;
  for (const text of texts) widest = Math.max(widest, text.length);
  return widest;
}

/** One line per finding: messages never break the table, nor carry control characters. */
function oneLine(text: string): string {
  return printable(text.replace(/\s*[\r\n]+\s*/g, " "));
}

/** Narrowest message column worth wrapping into; below it rows overflow rather than become a ribbon. */
const MIN_MESSAGE_WIDTH = 24;

/** Break text at spaces into lines of at most `columns` characters (a longer word is cut). */
export function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(" ")) {
    while (word.length > columns) {
      if (line) lines.push(line);
      lines.push(word.slice(0, columns));
      word = word.slice(columns);
      line = "";
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= columns) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

interface Row {
  where: string;
  severity: Finding["severity"];
  message: string;
  rule: string;
}

/** The rows of one file: positions right-aligned, messages wrapped to the terminal when there is one. */
function fileRows(rows: readonly Row[], context: ReportContext, ruleLink: (id: string) => string): string[] {
  const paint = paints(context.color);
  const whereWidth = width(rows.map((r) => r.where));
  const indent = 2 + whereWidth + 2 + 7 + 2;
  const widest = width(rows.map((r) => r.message));
  const room = context.width === undefined ? widest : Math.max(MIN_MESSAGE_WIDTH, context.width - indent - 2 - width(rows.map((r) => r.rule)));
  const messageWidth = Math.min(widest, room);
  const out: string[] = [];
  for (const r of rows) {
    const severity = r.severity === "error" ? paint.red("error  ") : paint.yellow("warning");
    const [first, ...rest] = r.message.length > messageWidth ? wrap(r.message, messageWidth) : [r.message];
    out.push(`  ${paint.dim(r.where.padStart(whereWidth))}  ${severity}  ${first!.padEnd(messageWidth)}  ${paint.dim(ruleLink(r.rule))}`);
    for (const line of rest) out.push(`${" ".repeat(indent)}${line}`);
  }
  return out;
}

/** One line per reason: `ℹ 2 rules not run: source-snapshot (4 subjects), target-exists (4 subjects) — no facts: …`. */
function notRunLines(notices: readonly NotRunNotice[], context: ReportContext, ruleLink: (id: string) => string): string[] {
  const paint = paints(context.color);
  const byReason = new Map<string, NotRunNotice[]>();
  for (const n of notices) byReason.set(n.reason, [...(byReason.get(n.reason) ?? []), n]);
  const lines: string[] = [];
  for (const [reason, group] of byReason) {
    const plain = `ℹ ${plural(group.length, "rule")} not run: ${group.map((n) => `${n.ruleId} (${plural(n.subjects, "subject")})`).join(", ")} — ${reason}`;
    const wrapped = context.width === undefined ? [plain] : wrap(plain, Math.max(MIN_MESSAGE_WIDTH, context.width - 2));
    // Links and colour go on after wrapping, which measures plain text.
    const linked = wrapped.map((line) => line.replace(/[a-z0-9-]+(?= \(\d+ subjects?\))/g, (id) => ruleLink(id)));
    lines.push(...linked.map((line, i) => (i === 0 ? paint.blue(line) : `  ${paint.blue(line)}`)));
  }
  return lines;
}

/** ESLint's line: `1 error and 2 warnings potentially fixable with the `--fix` option.` */
function fixableLine({ errors, warnings }: { errors: number; warnings: number }): string | undefined {
  if (errors + warnings === 0) return undefined;
  return `  ${plural(errors, "error")} and ${plural(warnings, "warning")} potentially fixable with the \`--fix\` option.`;
}

function summaryLine(tail: RunTail, context: ReportContext): string {
  const paint = paints(context.color);
  const { errors, warnings, subjects, files, skipped } = tail.summary;
  const problems = errors + warnings;
  const checked = `${plural(subjects, "subject")} in ${plural(files, "file")}${skipped > 0 ? ` (${skipped} skipped)` : ""}`;
  const unread = tail.inputErrors.length;
  const incomplete = unread > 0 ? `; ${plural(unread, "input error")}: the run is incomplete` : "";
  if (problems > 0) {
    const line = `✖ ${plural(problems, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}) in ${checked}${incomplete}`;
    return errors > 0 || unread > 0 ? paint.bold(paint.red(line)) : paint.bold(paint.yellow(line));
  }
  // Never the green line when some input could not be read: that run proves nothing about it.
  if (unread > 0) return paint.bold(paint.red(`✖ ${plural(unread, "input error")}: the run is incomplete (no problems in the ${checked} that could be read)`));
  return paint.green(`✔ No problems in ${checked}`);
}

/** The identifier in a cluster-snapshot ARN (`…:cluster-snapshot:ID` → ID; automated ids keep `rds:`). */
function snapshotName(arn: string): string {
  const at = arn.indexOf(":cluster-snapshot:");
  return at < 0 ? arn : arn.slice(at + ":cluster-snapshot:".length);
}

/** How often each snapshot identifier appears among a file's subjects. */
class NameCounts {
  private readonly seen = new Map<string, number>();

  add(r: SubjectResult): void {
    if (r.subject === "snapshot" && r.id) this.seen.set(snapshotName(r.id), (this.seen.get(snapshotName(r.id)) ?? 0) + 1);
  }

  /** The identifier, or the ARN when two snapshots of the file share the identifier. */
  name(r: Pick<SubjectResult, "subject" | "id">): string | undefined {
    if (r.subject !== "snapshot" || !r.id) return undefined;
    return (this.seen.get(snapshotName(r.id)) ?? 0) > 1 ? r.id : snapshotName(r.id);
  }
}

/** A row kept until its file's block is written; a live snapshot's is named then (see NameCounts). */
type PendingRow = Row & { unlocated?: Pick<SubjectResult, "subject" | "id"> };

/** A result's rows. A live snapshot has no line: it is named instead (its identifier, or its ARN when that is ambiguous). */
function rowsOf(r: SubjectResult, rows: PendingRow[]): void {
  const named = r.subject === "snapshot" && r.id ? { subject: r.subject, id: r.id } : undefined;
  for (const f of r.findings) {
    const row: PendingRow = { where: `${f.line ?? 0}:${f.column ?? 0}`, severity: f.severity, message: oneLine(f.message), rule: f.ruleId };
    if (f.line === undefined && named !== undefined) row.unlocated = named;
    rows.push(row);
  }
}

/** One file's block: its name, its rows, a blank line. */
function fileBlock(file: string, rows: PendingRow[], names: NameCounts, context: ReportContext, ruleLink: (id: string) => string): string {
  const paint = paints(context.color);
  for (const row of rows) if (row.unlocated !== undefined) row.where = printable(names.name(row.unlocated)!);
  return [paint.underline(printable(file)), ...fileRows(rows, context, ruleLink), ""].join("\n") + "\n";
}

export const stylishWriter: StreamFormatter = (context, write) => {
  const paint = paints(context.color);
  const helpUri = new Map(context.rules.map((r) => [r.id, r.helpUri]));
  const ruleLink = (id: string) => {
    const uri = helpUri.get(id);
    return context.links && context.color && uri !== undefined ? hyperlink(id, uri) : id;
  };
  const fixable = { errors: 0, warnings: 0 };
  let file: string | undefined;
  let pending: PendingRow[] = [];
  let names = new NameCounts();
  const endFile = () => {
    if (file !== undefined && pending.length > 0) write(fileBlock(file, pending, names, context, ruleLink));
    pending = [];
    names = new NameCounts();
  };
  return {
    result(r) {
      if (r.file !== file) {
        endFile();
        file = r.file;
      }
      names.add(r);
      if (r.findings.length === 0) return;
      rowsOf(r, pending);
      for (const f of r.findings) if (f.fix !== undefined) f.severity === "error" ? fixable.errors++ : fixable.warnings++;
    },
    end(tail) {
      endFile();
      const out = [summaryLine(tail, context)];
      const line = fixableLine(fixable);
      if (line !== undefined) out.push(paint.bold(paint.red(line)));
      const notRun = tail.summary.notRun;
      if (notRun.length > 0) out.push("", ...notRunLines(notRun, context, ruleLink));
      write(out.join("\n") + "\n");
    },
  };
};

export const stylish = collected(stylishWriter);
