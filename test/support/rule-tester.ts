// Table-driven rule tests in the style of ESLint's RuleTester: `valid` cases must give no finding at
// all (not even an *unverified* warning), `invalid` cases exactly the listed findings, in order.
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { checkSubject } from "../../src/engine/runner.js";
import { withDefaults } from "../../src/engine/options.js";
import type { Rule } from "../../src/engine/rule.js";
import type { Facts, Severity, Subject, SubjectKind } from "../../src/model/types.js";

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
  return checkSubject(subject, [{ rule, severity: "error", options }], c.facts ?? {}, new Date(c.now ?? DEFAULT_NOW));
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
        c.findings.forEach((f, i) => {
          if (f.message !== undefined) expect(found[i]!.message).toContain(f.message);
          expect(found[i]!.ruleId).toBe(rule.id);
          expect(found[i]!.message).not.toMatch(/\{\{/);
        });
      });
    }
  });
}
