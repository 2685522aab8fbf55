// `--format junit`: one test suite per file, one test case per subject (SPEC §5). A subject fails
// when it has findings at error severity; warnings are listed in its system-out; rules not run are
// skipped cases of their own suite. Valid against Jenkins' JUnit schema (test/support/junit-jenkins.xsd).
//
// The root element carries the run's totals, so nothing can be written before the end: the writer
// keeps each file's suite as the text it will write (a passing subject is one short line), and no
// result object.
import type { SubjectResult } from "../model/types.js";
import { Held } from "./held.js";
import { collected, type RunTail, type StreamFormatter } from "./types.js";

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

/** In first-seen order. Appending in place. */
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

/** Seconds, as JUnit's `time` holds them (three decimals). */
function seconds(ms: number | undefined): string {
  return ((ms ?? 0) / 1000).toFixed(3);
}

interface Totals {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** The counts a suite carries, in the order Jenkins' schema lists them. Per-file time is not measured: 0. */
function suiteHead(name: string, totals: Totals): string {
  const { tests, failures, errors, skipped } = totals;
  return `  <testsuite name="${xml(name)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="0.000">\n`;
}

const SUITE_END = "  </testsuite>";

function suite(name: string, totals: Totals, body: string[]): string {
  return `${suiteHead(name, totals)}${body.join("\n")}\n${SUITE_END}`;
}

function subjectCase(file: string, r: SubjectResult): string {
  const errors = r.findings.filter((f) => f.severity === "error");
  const warnings = r.findings.filter((f) => f.severity === "warning");
  const body: string[] = [];
  if (errors.length > 0) {
    const message = errors.length === 1 ? errors[0]!.message : `${errors.length} errors`;
    body.push(`      <failure message="${xml(message)}" type="${xml(errors[0]!.ruleId)}">${xml(errors.map(findingLine).join("\n"))}</failure>`);
  }
  if (warnings.length > 0) body.push(`      <system-out>${xml(warnings.map(findingLine).join("\n"))}</system-out>`);
  const open = `    <testcase classname="${xml(file)}" name="${xml(caseName(r))}" time="0.000"`;
  return body.length === 0 ? `${open}/>` : `${open}>\n${body.join("\n")}\n    </testcase>`;
}

/**
 * Rules not run (SPEC §4) as one suite of skipped cases, one per rule: dashboards show them as
 * skipped tests, and no subject fails or passes because of them.
 */
function notRunSuite(tail: RunTail, toolName: string): { text: string; count: number } | undefined {
  const { notRun } = tail.summary;
  if (notRun.length === 0) return undefined;
  const name = `${toolName}: rules not run`;
  const cases = notRun.map(
    (n) =>
      `    <testcase classname="${xml(name)}" name="${xml(n.ruleId)}" time="0.000">\n      <skipped message="${xml(`not run for ${n.subjects} subject${n.subjects === 1 ? "" : "s"}: ${n.reason}`)}"/>\n    </testcase>`,
  );
  return { text: suite(name, { tests: notRun.length, failures: 0, errors: 0, skipped: notRun.length }, cases), count: notRun.length };
}

/** The suites of unreadable files: one erroring test case per file, however many errors it has (the totals count test cases). */
function inputErrorSuites(tail: RunTail, total: Totals): string[] {
  const suites: string[] = [];
  for (const [file, errors] of groupBy(tail.inputErrors, (e) => e.file)) {
    total.tests += 1;
    total.errors += 1;
    const text = errors.map((e) => `${e.line ?? 0}:${e.column ?? 0} ${e.message}`).join("\n");
    const body = [`    <testcase classname="${xml(file)}" name="read ${xml(file)}" time="0.000">`, `      <error message="${xml(errors[0]!.message)}" type="input error">${xml(text)}</error>`, `    </testcase>`];
    suites.push(suite(file, { tests: 1, failures: 0, errors: 1, skipped: 0 }, [body.join("\n")]));
  }
  return suites;
}

/** A file's suite as it will be written: its counts, and its test cases as text, each with its newline. */
interface FileSuite {
  file: string;
  tests: number;
  failures: number;
  cases: Held;
}

export const junitWriter: StreamFormatter = (context, write) => {
  const suites: (FileSuite | string)[] = [];
  const total: Totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  // The suite of the file whose results are coming.
  let current: FileSuite | undefined;
  return {
    result(r) {
      if (r.file !== current?.file) {
        current = { file: r.file, tests: 0, failures: 0, cases: new Held() };
        suites.push(current);
      }
      current.tests++;
      if (r.findings.some((f) => f.severity === "error")) current.failures++;
      current.cases.add(`${subjectCase(r.file, r)}\n`);
    },
    end(tail) {
      for (const s of suites) {
        if (typeof s === "string") continue;
        total.tests += s.tests;
        total.failures += s.failures;
      }
      suites.push(...inputErrorSuites(tail, total));
      const notRun = notRunSuite(tail, context.toolName);
      if (notRun !== undefined) {
        total.tests += notRun.count;
        total.skipped += notRun.count;
        suites.push(notRun.text);
      }
      // Jenkins' schema gives <testsuites> no skipped count: its suites carry it.
      write(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(context.toolName)}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" time="${seconds(context.elapsedMs)}">\n`);
      for (const s of suites) {
        if (typeof s === "string") {
          write(`${s}\n`);
          continue;
        }
        write(suiteHead(s.file, { tests: s.tests, failures: s.failures, errors: 0, skipped: 0 }));
        s.cases.drain(write);
        write(`${SUITE_END}\n`);
      }
      write(`</testsuites>\n`);
    },
  };
};

export const junit = collected(junitWriter);
