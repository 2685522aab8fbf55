// Runs enabled rules over one subject with its facts. Knows severities and options, never formats.
import type { Facts, Finding, Need, Severity, Subject } from "../model/types.js";
import { formatMessage, type Rule, type RuleContext } from "./rule.js";
import { requestView, snapshotView } from "./view.js";

export interface EnabledRule {
  rule: Rule;
  severity: Severity;
  /** Options with the rule's defaults applied. */
  options: Record<string, unknown>;
}

const NEED_TEXT: Record<Need, string> = {
  destinationRegion:
    "no destination region is known (give the plan a `region`, or use --region, the config's `region`, or AWS_REGION)",
  destinationAccount: "no destination account is known (give the plan an `account`, or use --account, the config's `account`, or --live)",
  sourceSnapshot: "no facts about the source snapshot were gathered (use --inventory FILE or --live)",
  targetSnapshot: "no facts about existing snapshots in the destination region were gathered (use --inventory FILE or --live)",
  key: "no facts about the KMS key were gathered (use --inventory FILE with `Keys`, or --live)",
  shareAttributes:
    "the snapshot's share attributes were not gathered (include `DBClusterSnapshotAttributes` in the inventory, or use --live)",
};

export const UNVERIFIED_MESSAGE_ID = "unverified";

/** Join a subject's base pointer and a rule's relative pointer. */
export function joinPointer(base: string, relative: string): string {
  return base + relative;
}

/** Check one subject against the enabled rules. Findings carry absolute pointers, no positions yet. */
export function checkSubject(subject: Subject, rules: readonly EnabledRule[], facts: Facts, now: Date): Finding[] {
  const findings: Finding[] = [];
  const views =
    subject.kind === "request" ? { request: requestView(subject) } : { snapshot: snapshotView(subject) };
  for (const { rule, severity, options } of rules) {
    if (!rule.subjects.includes(subject.kind)) continue;
    let unverifiedSaid = false;
    const context: RuleContext = {
      subject,
      ...views,
      facts,
      options,
      now,
      report({ pointer, messageId, data, target, absolute }) {
        const template = rule.messages[messageId];
        if (template === undefined) throw new Error(`rule ${rule.id} has no message ${messageId}`);
        findings.push({
          ruleId: rule.id,
          severity,
          message: formatMessage(template, data),
          pointer: absolute ? pointer : joinPointer(subject.pointer, subject.mapPointer ? subject.mapPointer(pointer) : pointer),
          messageId,
          ...(target ? { target } : {}),
        });
      },
      unverified(need, detail) {
        if (unverifiedSaid || options.unverified === "off") return;
        unverifiedSaid = true;
        const what = detail ?? rule.summary.replace(/\.$/, "");
        findings.push({
          ruleId: rule.id,
          severity: "warning",
          message: `Could not verify: ${what}: ${NEED_TEXT[need]}.`,
          pointer: subject.pointer,
          messageId: UNVERIFIED_MESSAGE_ID,
        });
      },
    };
    rule.check(context);
  }
  return findings;
}
