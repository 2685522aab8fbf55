// What becomes of a check a rule could not make (SPEC §4). A missing destination is something the
// user fixes in the file: one warning on the subject, naming the rules it held back. A missing fact
// or a value known only after apply is said once per rule for the whole run, or — with
// --require-facts — becomes a finding under the rule's own id at its severity.
import type { NotRun } from "../engine/runner.js";
import type { Finding, NotRunCause, NotRunNotice, Subject } from "../model/types.js";

/** The id of the one warning a subject gets when its destination is unknown. Not a rule: it cannot be configured away. */
export const DESTINATION_UNKNOWN = "destination-unknown";

/** Where the run's facts came from, which decides what a not-run notice advises. */
export type FactOrigin = "none" | "inventory" | "live";

export interface NotRunPolicy {
  requireFacts: boolean;
  factOrigin: FactOrigin;
}

const DESTINATION_CAUSES: ReadonlySet<NotRunCause> = new Set(["destinationRegion", "destinationAccount"]);

const HOW: Record<"destinationRegion" | "destinationAccount", { what: string; how: string }> = {
  destinationRegion: { what: "region", how: "give the plan a `region`, or use --region, the config's `region`, or AWS_REGION" },
  destinationAccount: { what: "account", how: "give the plan an `account`, or use --account, the config's `account`, or --live" },
};

export function reasonFor(cause: NotRunCause, origin: FactOrigin): string {
  if (cause === "destinationRegion" || cause === "destinationAccount") return `no destination ${HOW[cause].what} is known: ${HOW[cause].how}`;
  if (cause === "afterApply") return "the value is known only after terraform apply";
  if (cause === "shareAttributes" && origin !== "live") return "no share attributes: include DBClusterSnapshotAttributes in the inventory (export writes them), or use --live";
  if (origin === "none") return "no facts: use --inventory FILE or --live";
  if (origin === "live") return "AWS gave no answer for it (see --debug)";
  switch (cause) {
    case "key":
    case "sourceKey":
      return "the inventory's Keys do not describe the KMS key (export it again, or use --live)";
    default:
      return "the inventory holds no listing of the region concerned (export that region, or use --live)";
  }
}

function destinationFinding(subject: Subject, held: NotRun[], requireFacts: boolean): Finding {
  const causes = [...new Set(held.map((n) => n.cause))] as ("destinationRegion" | "destinationAccount")[];
  const ids = [...new Set(held.map((n) => n.ruleId))];
  const rules = `${ids.length} rule${ids.length === 1 ? "" : "s"} (${ids.join(", ")})`;
  const message =
    subject.regionProblem !== undefined && causes.includes("destinationRegion")
      ? `The region is not known: ${subject.regionProblem}; so ${rules} could not judge it.`
      : subject.kind === "snapshot"
        ? `The snapshot's region is not known (it has no valid DBClusterSnapshotArn), so ${rules} could not judge it.`
        : `No destination ${causes.map((c) => HOW[c].what).join(" or ")} is known, so ${rules} could not judge this request: ${causes.map((c) => HOW[c].how).join("; ")}.`;
  return { ruleId: DESTINATION_UNKNOWN, severity: requireFacts ? "error" : "warning", message, pointer: subject.pointer, messageId: "destinationUnknown" };
}

/**
 * The findings a subject's not-run checks become, and the ones left to say once per rule. Under
 * --require-facts every check that could not run is a finding at its rule's severity.
 */
/** Facts looked up in the destination: with facts at hand, a request without a region could not be looked up. */
const PLACED_FACTS: ReadonlySet<NotRunCause> = new Set(["sourceSnapshot", "targetSnapshot", "key"]);

export function settleNotRun(subject: Subject, records: readonly NotRun[], policy: NotRunPolicy): { findings: Finding[]; tally: NotRun[] } {
  const findings: Finding[] = [];
  const tally: NotRun[] = [];
  const unplaced = policy.factOrigin !== "none" && subject.kind === "request" && subject.region === undefined;
  const notRun = unplaced ? records.map((n): NotRun => (PLACED_FACTS.has(n.cause) ? { ...n, cause: "destinationRegion" } : n)) : records;
  const held = notRun.filter((n) => DESTINATION_CAUSES.has(n.cause));
  if (held.length > 0) findings.push(destinationFinding(subject, held, policy.requireFacts));
  for (const n of notRun) {
    if (DESTINATION_CAUSES.has(n.cause)) continue;
    if (!policy.requireFacts) {
      tally.push(n);
      continue;
    }
    findings.push({
      ruleId: n.ruleId,
      severity: n.severity,
      message: `Could not verify: ${n.detail}: ${reasonFor(n.cause, policy.factOrigin)}.`,
      pointer: subject.pointer,
      messageId: "unverified",
    });
  }
  return { findings, tally };
}

/** Counts of subjects each rule could not judge, for the one notice per rule. */
export class NotRunTally {
  private readonly byRule = new Map<string, { subjects: number; causes: Set<NotRunCause> }>();

  constructor(private readonly origin: FactOrigin) {}

  add(records: readonly NotRun[]): void {
    for (const { ruleId, cause } of records) {
      const entry = this.byRule.get(ruleId) ?? { subjects: 0, causes: new Set<NotRunCause>() };
      entry.subjects++;
      entry.causes.add(cause);
      this.byRule.set(ruleId, entry);
    }
  }

  /** In the order of `ruleOrder` (the order `rules` lists them). */
  notices(ruleOrder: readonly string[]): NotRunNotice[] {
    const rank = new Map(ruleOrder.map((id, i) => [id, i]));
    return [...this.byRule]
      .sort(([a], [b]) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : 1))
      .map(([ruleId, { subjects, causes }]) => ({
        ruleId,
        subjects,
        reason: [...new Set([...causes].map((c) => reasonFor(c, this.origin)))].join("; "),
      }));
  }
}
