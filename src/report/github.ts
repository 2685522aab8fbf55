// `--format github`: GitHub Actions workflow commands, one annotation per finding and input error.
// Written line by line as results come: it keeps nothing.
import type { SubjectResult } from "../model/types.js";
import { collected, type RunTail, type StreamFormatter } from "./types.js";

/** Escaping of a workflow command's message, as the Actions toolkit does it. */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Property values also escape `:` and `,`, which delimit properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function command(level: "error" | "warning" | "notice", properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${level} ${props}::${escapeData(message)}`;
}

function findingLines(r: SubjectResult): string {
  let text = "";
  for (const f of r.findings) {
    // A live snapshot has no file or line: the annotation names it (title) and gives its ARN (message).
    const live = f.line === undefined && r.subject === "snapshot" && r.id ? r.id : undefined;
    const title = live ? `${f.ruleId}: ${live.slice(live.indexOf(":cluster-snapshot:") + 18)}` : f.ruleId;
    text += command(f.severity, { file: r.file, line: f.line, col: f.column, title }, live ? `${live}: ${f.message}` : f.message) + "\n";
  }
  return text;
}

function endLines(tail: RunTail): string[] {
  const lines: string[] = [];
  for (const e of tail.inputErrors) {
    lines.push(command("error", { file: e.file, line: e.line, col: e.column, title: "input error" }, e.message));
  }
  // Rules not run: one notice for the whole run, never one per subject (SPEC §4).
  const { notRun } = tail.summary;
  if (notRun.length > 0) {
    const reasons = [...new Set(notRun.map((n) => n.reason))];
    const text = reasons.map((reason) => {
      const rules = notRun.filter((n) => n.reason === reason).map((n) => `${n.ruleId} (${n.subjects} subject${n.subjects === 1 ? "" : "s"})`);
      return `${rules.join(", ")} — ${reason}`;
    });
    lines.push(command("notice", { title: `${notRun.length} rule${notRun.length === 1 ? "" : "s"} not run` }, text.join("; ")));
  }
  const { errors, warnings, subjects } = tail.summary;
  lines.push(`${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"} in ${subjects} subject${subjects === 1 ? "" : "s"}`);
  return lines;
}

export const githubWriter: StreamFormatter = (_context, write) => ({
  result(r) {
    if (r.findings.length > 0) write(findingLines(r));
  },
  end(tail) {
    write(endLines(tail).join("\n") + "\n");
  },
});

export const github = collected(githubWriter);
