// Table-driven rule tests in the style of ESLint's RuleTester: `valid` cases must give no finding at
// all (and no check left undone), `invalid` cases exactly the listed findings, in order — a check the
// rule could not make is listed as `unverified` at the subject, after the findings. An invalid case
// with `output` also applies the rule's fixes to the value and compares the result, as RuleTester does.
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { checkSubject } from "../../src/engine/runner.js";
import { withDefaults } from "../../src/engine/options.js";
import type { Rule } from "../../src/engine/rule.js";
import type { Facts, Finding, FixOp, Severity, Subject, SubjectKind } from "../../src/model/types.js";
import type { RemediationSettings } from "../../src/model/policy.js";
import { pointerSegments } from "../../src/model/pointer.js";
import { reasonFor } from "../../src/pipeline/not-run.js";

export interface RuleCase {
  /** Shown in the test name; defaults to the value in JSON. */
  name?: string;
  /** Which kind of subject `value` is; defaults to the rule's first subject kind. */
  kind?: SubjectKind;
  /** The request (CopyDBClusterSnapshot members) or the snapshot (DescribeDBClusterSnapshots item). */
  value: unknown;
  /** Destination region (request) or the region the snapshot was listed in. */
  region?: string;
  account?: string;
  facts?: Facts;
  options?: Record<string, unknown>;
  /** Repeated keys the input layer found in the subject (absolute pointers). */
  duplicates?: { pointer: string; key: string }[];
  /** ISO time for age rules; defaults to 2026-11-24T00:00:00Z. */
  now?: string;
  /** The config's remediation settings (fixes that take a key from the policy). */
  remediation?: RemediationSettings;
}

export interface ExpectedFinding {
  /** Pointer relative to the subject. */
  pointer: string;
  messageId: string;
  /** Defaults to `error` (the severity the tester enables rules at), `warning` for `unverified`. */
  severity?: Severity;
  /** A part the message must contain. */
  message?: string;
}

export interface InvalidCase extends RuleCase {
  findings: ExpectedFinding[];
  /** The value after the rule's fixes; omit when the case has no fix (then none may be offered). */
  output?: unknown;
}

export interface RuleCases {
  rule: Rule;
  valid: RuleCase[];
  invalid: InvalidCase[];
}

const DEFAULT_NOW = "2026-11-24T00:00:00Z";
const ajv = new Ajv({ allErrors: true, strict: true });

export function runCase(rule: Rule, c: RuleCase) {
  const kind = c.kind ?? rule.subjects[0]!;
  const subject: Subject = { kind, file: "test.json", index: 0, pointer: "", value: c.value, region: c.region, account: c.account, duplicates: c.duplicates };
  const validate = ajv.compile(rule.options);
  const options = withDefaults(rule, c.options);
  if (!validate(options)) throw new Error(`options ${JSON.stringify(c.options)} invalid: ${ajv.errorsText(validate.errors)}`);
  const { findings, notRun } = checkSubject(subject, [{ rule, severity: "error", options }], c.facts ?? {}, { now: new Date(c.now ?? DEFAULT_NOW), remediation: c.remediation });
  const undone: Finding[] = notRun.map((n) => ({ ruleId: n.ruleId, severity: "warning", message: `Could not verify: ${n.detail}: ${reasonFor(n.cause, "none")}.`, pointer: subject.pointer, messageId: "unverified" }));
  return [...findings, ...undone];
}

/** A rule's fixes applied to a value (not text): what `--fix` makes of the subject. */
export function applyFixes(value: unknown, fixes: readonly FixOp[]): unknown {
  const copy = structuredClone(value);
  // Later elements first, so that removing one does not shift the index of another.
  const ordered = [...fixes].sort((a, b) => (a.pointer < b.pointer ? 1 : a.pointer > b.pointer ? -1 : 0));
  for (const fix of ordered) {
    const segments = pointerSegments(fix.pointer)!;
    const last = segments.pop()!;
    let parent: unknown = copy;
    for (const s of segments) parent = (parent as Record<string, unknown>)[s];
    if (Array.isArray(parent) && fix.op === "remove") parent.splice(Number(last), 1);
    else if (fix.op === "remove") delete (parent as Record<string, unknown>)[last];
    else (parent as Record<string, unknown>)[last] = fix.value;
  }
  return copy;
}

function caseName(c: RuleCase): string {
  const text = c.name ?? JSON.stringify(c.value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export function testRule({ rule, valid, invalid }: RuleCases) {
  describe(rule.id, () => {
    it("has at least 3 valid and 3 invalid cases", () => {
      expect(valid.length).toBeGreaterThanOrEqual(3);
      expect(invalid.length).toBeGreaterThanOrEqual(3);
    });
    for (const c of valid) {
      it(`valid: ${caseName(c)}`, () => {
        expect(runCase(rule, c)).toEqual([]);
      });
    }
    for (const c of invalid) {
      it(`invalid: ${caseName(c)}`, () => {
        const found = runCase(rule, c);
        expect(found.map((f) => ({ pointer: f.pointer, messageId: f.messageId, severity: f.severity }))).toEqual(
          c.findings.map((f) => ({
            pointer: f.pointer,
            messageId: f.messageId,
            severity: f.severity ?? (f.messageId === "unverified" ? "warning" : "error"),
          })),
        );
        const fixes = found.flatMap((f) => (f.fix ? [f.fix] : []));
        if (c.output === undefined) expect(fixes, "the case offers a fix: give its `output`").toEqual([]);
        else {
          expect(rule.fixable, "a rule that offers fixes says `fixable: true`").toBe(true);
          expect(applyFixes(c.value, fixes)).toEqual(c.output);
        }
        c.findings.forEach((f, i) => {
          if (f.message !== undefined) expect(found[i]!.message).toContain(f.message);
          expect(found[i]!.ruleId).toBe(rule.id);
          expect(found[i]!.message).not.toMatch(/\{\{/);
        });
      });
    }
  });
}
