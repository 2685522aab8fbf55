// What every formatter receives. Formatters know formats, never rules: they get rule metadata as data.
import type { RunResult, SeveritySetting } from "../model/types.js";

export interface RuleInfo {
  id: string;
  summary: string;
  recommended: SeveritySetting;
  /** Link to the rule's doc page. */
  helpUri: string;
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
}

/** The report as one string, or as chunks to write one after another (large reports). */
export type Formatter = (run: RunResult, context: ReportContext) => string | Iterable<string>;
