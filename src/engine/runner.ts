// Runs enabled rules over one subject with its facts. Knows severities and options, never formats.
import { isWithin } from "../model/pointer.js";
import type { Facts, Finding, Need, NotRunCause, Severity, Subject } from "../model/types.js";
import type { RemediationSettings } from "../model/policy.js";
import { formatMessage, type Rule, type RuleContext } from "./rule.js";
import { requestView, snapshotView } from "../model/view.js";

export interface EnabledRule {
  rule: Rule;
  severity: Severity;
  /** Options with the rule's defaults applied. */
  options: Record<string, unknown>;
}

/** A rule that could not judge the subject, and why: the pipeline says so once per rule, or per subject. */
export interface NotRun {
  ruleId: string;
  severity: Severity;
  cause: NotRunCause;
  /** What the rule would have checked, for the finding `--require-facts` makes of it. */
  detail: string;
}

export interface SubjectCheck {
  /** Findings with absolute pointers, no positions yet. */
  findings: Finding[];
  notRun: NotRun[];
}

export interface CheckEnvironment {
  now: Date;
  /** The config's remediation settings, for fixes that need a value from the policy (a key per region). */
  remediation?: RemediationSettings;
}

function under(pointer: string, bases: readonly string[] | undefined): boolean {
  return bases !== undefined && bases.some((base) => isWithin(pointer, base));
}

/** Check one subject against the enabled rules. One context serves every rule (no closures per rule). */
export function checkSubject(subject: Subject, rules: readonly EnabledRule[], facts: Facts, env: CheckEnvironment): SubjectCheck {
  const findings: Finding[] = [];
  const notRun: NotRun[] = [];
  let current: EnabledRule = rules[0]!;
  let notRunSaid = false;
  const skip = (cause: NotRunCause, detail: string) => {
    if (notRunSaid || current.options.unverified === "off") return;
    notRunSaid = true;
    notRun.push({ ruleId: current.rule.id, severity: current.severity, cause, detail });
  };
  const summaryOf = () => current.rule.summary.replace(/\.$/, "");
  const context: RuleContext = {
    subject,
    ...(subject.kind === "request" ? { request: requestView(subject) } : { snapshot: snapshotView(subject) }),
    facts,
    options: {},
    now: env.now,
    remediation: env.remediation,
    report({ pointer, messageId, data, target, absolute, fix }) {
      const { rule, severity } = current;
      const template = rule.messages[messageId];
      if (template === undefined) throw new Error(`rule ${rule.id} has no message ${messageId}`);
      if (!absolute) {
        // An update judges only what it changes; a value known only after apply cannot be judged from the plan.
        if (subject.changed !== undefined && !under(pointer, subject.changed)) return;
        if (under(pointer, subject.unknown)) return skip("afterApply", summaryOf());
      }
      findings.push({
        ruleId: rule.id,
        severity,
        message: formatMessage(template, data),
        pointer: absolute ? pointer : subject.mapPointer ? subject.mapPointer(pointer) : subject.pointer + pointer,
        messageId,
        ...(target ? { target } : {}),
        ...(fix && !subject.mapPointer ? { fix } : {}),
      });
    },
    unverified(need, detail) {
      // An update judges only the values it changes, which the subject holds: it asks for no fact (the
      // copy, its source and its key are not made again; a share is judged from the plan alone).
      if (subject.changed !== undefined) return;
      skip(need, detail ?? summaryOf());
    },
  };
  for (const enabled of rules) {
    if (!enabled.rule.subjects.includes(subject.kind)) continue;
    current = enabled;
    notRunSaid = false;
    context.options = enabled.options;
    enabled.rule.check(context);
  }
  return { findings, notRun };
}
