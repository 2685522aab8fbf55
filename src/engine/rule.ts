// The shape of a rule: metadata plus a pure check. Rules never call AWS and never format output.
import type { Facts, FixOp, Need, SeveritySetting, Subject, SubjectKind } from "../model/types.js";
import type { RemediationSettings } from "../model/policy.js";
import type { RequestView, SnapshotView } from "../model/view.js";

/** A JSON Schema, as plain data (compiled to standalone validators at build time). */
export type JsonSchema = Record<string, unknown>;

export interface ReportInput {
  /** JSON pointer relative to the subject (`/KmsKeyId`, `/Tags/2/Key`, `` for the subject itself). */
  pointer: string;
  messageId: string;
  /** Values for `{{name}}` placeholders in the message template. */
  data?: Record<string, string | number>;
  /** Locate the member name rather than its value. */
  target?: "key";
  /** The pointer is already absolute in the file (for what lies outside the subject, e.g. a plan's own keys). */
  absolute?: boolean;
  /** A safe edit that fixes the finding (rules with `fixable: true`); `lint --fix` applies it. */
  fix?: FixOp;
}

export interface RuleContext<O = Record<string, unknown>> {
  subject: Subject;
  /** Request members read once and classified (valid, malformed, absent); undefined for snapshots. */
  request?: RequestView;
  /** Snapshot members read once and classified; undefined for requests. */
  snapshot?: SnapshotView;
  facts: Facts;
  /** The rule's options, defaults applied, validated against its schema. */
  options: O;
  /** The time rules compare ages against (injected so checks stay pure). */
  now: Date;
  /** The policy's remediation settings (a key per region), for fixes that take a value from the policy. */
  remediation?: RemediationSettings;
  report(finding: ReportInput): void;
  /**
   * Say that a needed fact or setting was missing, so the rule could not judge this subject. The run
   * reports it once per rule (SPEC §4), or as a finding with `--require-facts`; the rule's option
   * `unverified: off` drops it. `detail` says what would have been checked.
   */
  unverified(need: Need, detail?: string): void;
}

/**
 * What a rule is about, in plain words: groups rules in reports (SARIF tags, security severity) and
 * remediation. One per rule.
 */
export type RuleCategory = "schema" | "identifiers" | "regions" | "kms" | "encryption" | "tags" | "sharing" | "facts" | "retention";

export interface RuleDefinition<O = Record<string, unknown>> {
  id: string;
  /** One line, imperative or declarative, shown in `rules` and SARIF. */
  summary: string;
  /** Longer Markdown for the doc page: what, why, and what AWS does. */
  description: string;
  subjects: SubjectKind[];
  /** Severity in the bundled recommended policy. */
  recommended: SeveritySetting;
  /** What the rule is about; custom rules have none. */
  category?: RuleCategory;
  /** Facts and settings the rule reads; when one is missing the rule is not run for that subject (SPEC §4). */
  needs: Need[];
  /** JSON Schema of the options object; `unverified` is added for rules with needs. */
  options: JsonSchema;
  /** Option defaults, merged under what the config gives. */
  defaults?: Partial<O>;
  /** Message templates by id, with `{{name}}` placeholders. `unverified` is built in. */
  messages: Record<string, string>;
  /** AWS documentation the rule enforces, where there is one. */
  docs?: { title: string; url: string }[];
  /** Whether some of its findings carry a safe fix (`lint --fix`). */
  fixable?: boolean;
  /** For rules off by default: the setting `init` shows, commented out, as an example. */
  configExample?: string;
  check(context: RuleContext<O>): void;
  /**
   * What the options schema cannot say about options it accepted (a glob or regular expression that
   * cannot be matched in linear time): the pointer within the options and the problem. Run when the
   * config or a --rule flag is read, so the run stops with exit 2 before anything is checked.
   */
  checkOptions?(options: Partial<O>): OptionsProblem | undefined;
}

export interface OptionsProblem {
  pointer: string;
  message: string;
}

/** The shape the engine keeps: options typed loosely, since each rule validates its own. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rules differ in option types; variance needs any here
export type Rule = RuleDefinition<any>;

/** The options schema of a rule that takes none. */
export const NO_OPTIONS: JsonSchema = { type: "object", properties: {}, additionalProperties: false };

export const UNVERIFIED_OPTION: JsonSchema = {
  enum: ["warn", "off"],
  description: "`off` drops the notice (or, with `--require-facts`, the finding) given when a needed fact or setting is missing",
};

/** Declare a rule. Adds the `unverified` option to rules that need facts or settings. */
export function defineRule<O>(rule: RuleDefinition<O>): RuleDefinition<O> {
  if (rule.needs.length > 0) {
    const properties = (rule.options.properties ?? {}) as Record<string, unknown>;
    rule.options = { ...rule.options, properties: { ...properties, unverified: UNVERIFIED_OPTION } };
  }
  return rule;
}

/**
 * Fill `{{name}}` placeholders. A placeholder without data, or data that is not a real string or
 * number, is a bug in the rule: it throws rather than print "undefined" to a user.
 */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_whole, name: string) => {
    const value: unknown = data[name];
    if (typeof value === "string" || (typeof value === "number" && Number.isFinite(value))) return String(value);
    throw new Error(`message placeholder {{${name}}} has no usable value (${String(value)})`);
  });
}
