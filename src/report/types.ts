// What every formatter receives. Formatters know formats, never rules: they get rule metadata as data.
import type { RunResult, SeveritySetting } from "../model/types.js";

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
  /** How long the run took, for formats that record it (JUnit `time`). */
  elapsedMs?: number;
}

/** The report as one string, or as chunks to write one after another (large reports). */
export type Formatter = (run: RunResult, context: ReportContext) => string | Iterable<string>;
