// What every formatter receives. Formatters know formats, never rules: they get rule metadata as data.
import type { RunResult, SeveritySetting, SubjectResult } from "../model/types.js";

export interface RuleInfo {
  id: string;
  summary: string;
  recommended: SeveritySetting;
  /** Link to the rule's doc page (of the installed version). */
  helpUri: string;
  /** Longer Markdown: what the rule checks and why. */
  description?: string;
  /** What the rule is about (`kms`, `tags`, …); custom rules have none. */
  category?: string;
  /** AWS documentation the rule enforces. */
  references?: readonly { title: string; url: string }[];
}

export interface ReportContext {
  toolName: string;
  version: string;
  /** Every rule that could appear in results: built-in and custom. */
  rules: readonly RuleInfo[];
  /** Colour escapes allowed (stylish only). */
  color: boolean;
  /** Absolute working directory; result files are relative to it. */
  cwd: string;
  /** Columns of the terminal the report goes to; absent when it goes to a file or pipe (no wrapping). */
  width?: number;
  /** Rule ids may be OSC 8 hyperlinks to their docs (a terminal that shows links, with colour). */
  links?: boolean;
  /** How long the run took, for formats that record it (JUnit `time`): read when the report ends. */
  elapsedMs?: number;
}

/** What a run knows only at its end. */
export type RunTail = Omit<RunResult, "results">;

/**
 * A report written as the run goes: each subject's result as soon as it is final (a file's results
 * one after another, each file's already in order), then what only the end knows (summary, rules
 * not run, input errors). What a format must keep until the end, it says at its writer.
 */
export interface ReportWriter {
  result(result: SubjectResult): void;
  end(tail: RunTail): void;
}

export type StreamFormatter = (context: ReportContext, write: (text: string) => void) => ReportWriter;

/** The report of a whole run at once, as one string. */
export type Formatter = (run: RunResult, context: ReportContext) => string;

/** A format's report of a collected run: its results fed to its writer, one way for both. */
export function collected(format: StreamFormatter): Formatter {
  return (run, context) => {
    const parts: string[] = [];
    const writer = format(context, (text) => parts.push(text));
    for (const result of run.results) writer.result(result);
    writer.end(run);
    return parts.join("");
  };
}
