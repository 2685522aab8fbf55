// `lint --fix`: the rules' fixes applied in passes, as in ESLint — edits that overlap wait for the
// next pass over the re-parsed text, and a pass that breaks the file or brings a finding that was not
// there is not a fix: the last good text is kept.
import { applyEdits } from "../fix/edits.js";
import { editFor } from "../fix/ops.js";
import type { Checked } from "./check.js";
import type { FileSubjects } from "./request-file.js";

const MAX_PASSES = 10;

type Parsed = Extract<FileSubjects, { kind: "ok" }>;

/** A file `--fix` changed (or, with --fix-dry-run, would change). */
export interface FixRecord {
  file: string;
  path: string;
  before: string;
  after: string;
  applied: number;
  /** Where a link may lead for the fix to be written through it (see FileInput.root). */
  root: string;
}

function defectCounts(checked: readonly Checked[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const { result } of checked) for (const f of result.findings) if (f.messageId !== "unverified") n.set(f.ruleId, (n.get(f.ruleId) ?? 0) + 1);
  return n;
}

/** Whether any rule finds more defects after a pass than before it. */
function introducesFindings(before: readonly Checked[], after: readonly Checked[]): boolean {
  const was = defectCounts(before);
  return [...defectCounts(after)].some(([rule, n]) => n > (was.get(rule) ?? 0));
}

export interface FixOutcome {
  text: string;
  applied: number;
  parsed: Parsed;
  checked: Checked[];
}

/**
 * Fix one file's text. `recheck` parses and checks a text as the run would; the outcome holds the
 * text and checks of the last good pass.
 */
export async function fixPasses(
  text: string,
  first: { parsed: Parsed; checked: Checked[] },
  recheck: (text: string) => Promise<{ parsed: FileSubjects; checked: Checked[] }>,
): Promise<FixOutcome> {
  let current = { text, applied: 0, ...first };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { parsed, checked } = current;
    const edits = checked.flatMap(({ subject, result }) =>
      result.findings.flatMap((f) => {
        const edit = f.fix && editFor(current.text, parsed.doc, parsed.syntax, subject, f.fix);
        return edit ? [edit] : [];
      }),
    );
    const next = applyEdits(current.text, edits);
    if (next.applied === 0 || next.text === current.text) break;
    const again = await recheck(next.text);
    if (again.parsed.kind !== "ok" || introducesFindings(checked, again.checked)) break;
    current = { text: next.text, applied: current.applied + next.applied, parsed: again.parsed, checked: again.checked };
  }
  return current;
}
