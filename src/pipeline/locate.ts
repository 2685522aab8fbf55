// Findings get their line and column here, and only here: one locator per document, cached, since
// several findings of a subject often point at the same place (or fall back to the subject itself).
import type { Finding, Position } from "../model/types.js";

/** Where a value (or, with `key`, its member name) is in a file, by absolute JSON pointer. */
export type Locate = (pointer: string, target?: "key") => Position | undefined;

export function cachedLocator(locate: Locate): Locate {
  const cache = new Map<string, Position | undefined>();
  return (pointer, target) => {
    const key = `${target ?? "value"}${pointer}`;
    if (!cache.has(key)) cache.set(key, locate(pointer, target));
    return cache.get(key);
  };
}

/** Give a finding the position of its value, else of its subject (a member the subject lacks). */
export function placeFinding(finding: Finding, subjectPointer: string, locate: Locate | undefined): Finding {
  if (locate === undefined) return finding;
  const found = locate(finding.pointer, finding.target) ?? locate(subjectPointer);
  if (found) {
    finding.line = found.line;
    finding.column = found.column;
  }
  return finding;
}

/** Plain code-unit order: stable everywhere, and no ICU collator to start up on the hot path. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order findings as editors list them. */
export function byPosition(a: Finding, b: Finding): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || compareText(a.ruleId, b.ruleId) || compareText(a.pointer, b.pointer);
}
