// The one place where located subjects meet their facts and the rules: findings sorted and placed,
// not-run checks settled, one result per subject.
import { checkSubject, type CheckEnvironment, type EnabledRule, type NotRun } from "../engine/runner.js";
import type { FactSource } from "../facts/source.js";
import type { Facts, Finding, Subject, SubjectResult } from "../model/types.js";
import { byPosition, placeFinding, type Locate } from "./locate.js";
import { settleNotRun, type NotRunPolicy } from "./not-run.js";

/** A subject ready to be checked: the rules its file's settings enable, and how to find its values. */
export interface Located {
  subject: Subject;
  /** Target identifier (request) or ARN (snapshot), as results name the subject. */
  id: string | null;
  rules: readonly EnabledRule[];
  locate?: Locate;
}

export interface Checked {
  subject: Subject;
  facts: Facts;
  result: SubjectResult;
  /** The checks left to say once per rule (empty under --require-facts). */
  notRun: NotRun[];
  /** Where the subject's values are in its file (for findings made after the check, e.g. by copy). */
  locate?: Locate;
}

export interface CheckOptions {
  facts?: FactSource;
  env: CheckEnvironment;
  notRun: NotRunPolicy;
}

async function factsFor(subject: Subject, source: FactSource | undefined): Promise<Facts> {
  if (source === undefined) return {};
  return subject.kind === "request" ? source.forRequest(subject) : source.forSnapshot(subject);
}

/**
 * A subject translated from another shape (a Terraform resource) names itself in each message, and a
 * value its file does not hold (known only after apply, or taken from elsewhere) is found at the subject.
 */
function translated(subject: Subject, finding: Finding, locate: Locate | undefined): Finding {
  if (subject.mapPointer === undefined) return finding;
  if (subject.address !== undefined) finding.message = `${subject.address}: ${finding.message}`;
  if (locate !== undefined && locate(finding.pointer) === undefined) finding.pointer = subject.pointer;
  return finding;
}

export function checkOne(item: Located, facts: Facts, options: CheckOptions): Checked {
  const { subject } = item;
  const check = checkSubject(subject, item.rules, facts, options.env);
  const settled = settleNotRun(subject, check.notRun, options.notRun);
  const findings = [...check.findings, ...settled.findings].map((f) => placeFinding(translated(subject, f, item.locate), subject.pointer, item.locate));
  findings.sort(byPosition);
  const result: SubjectResult = {
    file: subject.file,
    subject: subject.kind,
    id: item.id,
    index: subject.index,
    region: subject.region ?? null,
    ...(subject.address !== undefined ? { address: subject.address } : {}),
    findings,
  };
  return { subject, facts, result, notRun: settled.tally, ...(item.locate ? { locate: item.locate } : {}) };
}

/** Check a batch (a file's subjects): live facts are asked for at once, the AWS layer bounds the calls. */
export async function checkAll(items: readonly Located[], options: CheckOptions): Promise<Checked[]> {
  const facts = await Promise.all(items.map((item) => factsFor(item.subject, options.facts)));
  return items.map((item, i) => checkOne(item, facts[i]!, options));
}
