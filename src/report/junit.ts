// `--format junit`: one test suite per file, one test case per subject (SPEC §5). A subject fails
// when it has findings at error severity; warnings are listed in its system-out.
import type { SubjectResult } from "../model/types.js";
import type { Formatter } from "./types.js";

/** Characters XML 1.0 cannot hold at all, even escaped. */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xml(text: string): string {
  return text
    .replace(ILLEGAL, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** In first-seen order. Appending in place: an inventory puts 100,000 subjects in one file. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function caseName(r: SubjectResult): string {
  return `${r.subject} ${r.index}: ${r.id ?? "(no id)"}`;
}

function findingLine(f: SubjectResult["findings"][number]): string {
  return `${f.line ?? 0}:${f.column ?? 0} ${f.severity} ${f.ruleId} ${f.message} (${f.pointer || "/"})`;
}

export const junit: Formatter = (run, context) => {
  const files = groupBy(run.results, (r) => r.file);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, results] of files) {
    const failed = results.filter((r) => r.findings.some((f) => f.severity === "error")).length;
    tests += results.length;
    failures += failed;
    const cases = results.map((r) => {
      const errors = r.findings.filter((f) => f.severity === "error");
      const warnings = r.findings.filter((f) => f.severity === "warning");
      const body: string[] = [];
      if (errors.length > 0) {
        const message = errors.length === 1 ? errors[0]!.message : `${errors.length} errors`;
        body.push(`      <failure message="${xml(message)}" type="${xml(errors[0]!.ruleId)}">${xml(errors.map(findingLine).join("\n"))}</failure>`);
      }
      if (warnings.length > 0) body.push(`      <system-out>${xml(warnings.map(findingLine).join("\n"))}</system-out>`);
      const open = `    <testcase classname="${xml(file)}" name="${xml(caseName(r))}"`;
      return body.length === 0 ? `${open}/>` : `${open}>\n${body.join("\n")}\n    </testcase>`;
    });
    suites.push(`  <testsuite name="${xml(file)}" tests="${results.length}" failures="${failed}" errors="0">\n${cases.join("\n")}\n  </testsuite>`);
  }
  // One erroring test case per unreadable file, however many errors it has: the totals count test cases.
  const byFile = groupBy(run.inputErrors, (e) => e.file);
  for (const [file, errors] of byFile) {
    tests += 1;
    const text = errors.map((e) => `${e.line ?? 0}:${e.column ?? 0} ${e.message}`).join("\n");
    suites.push(
      `  <testsuite name="${xml(file)}" tests="1" failures="0" errors="1">\n    <testcase classname="${xml(file)}" name="read ${xml(file)}">\n      <error message="${xml(errors[0]!.message)}" type="input error">${xml(text)}</error>\n    </testcase>\n  </testsuite>`,
    );
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${xml(context.toolName)}" tests="${tests}" failures="${failures}" errors="${byFile.size}">`,
    ...suites,
    `</testsuites>`,
    "",
  ].join("\n");
};
