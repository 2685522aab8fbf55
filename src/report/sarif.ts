// `--format sarif`: SARIF 2.1.0 (for GitHub code scanning): one reportingDescriptor per rule, results
// with physical locations relative to %SRCROOT% (the working directory). Live snapshots have no file:
// their results carry the snapshot ARN as a logical location instead.
//
// The run object's `invocations` (whether the run succeeded, its notifications) come before its
// `results` and are known only at the end: the writer keeps each finding's result as the text it
// will write (a subject without findings adds nothing), and no result object.
import { nodeCrypto } from "../io/builtins.js";
import { pathToFileURL } from "node:url";
import type { SeveritySetting, SubjectResult } from "../model/types.js";
import { Held } from "./held.js";
import { collected, type ReportContext, type RuleInfo, type RunTail, type StreamFormatter } from "./types.js";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://github.com/neptune-snapshot-policy/neptune-snapshot-policy";
const LEVEL: Record<SeveritySetting, "error" | "warning" | "none"> = { error: "error", warn: "warning", off: "none" };

/** A relative path as a URI reference: each segment percent-encoded (so `a:b` cannot read as a scheme), slashes kept. */
function relativeUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/** `aws:REGION` names a listing, not a file: there is nothing under %SRCROOT% to point at. */
function isLive(file: string): boolean {
  return file.startsWith("aws:");
}

/**
 * Where something is in a file. A finding without a position is about the file as a whole: it gets
 * line 1 rather than no region, because GitHub needs `startLine` (validator rule GH1003) and the
 * validator warns on a physical location without a region (SARIF2017).
 */
function physicalLocation(file: string, line: number | undefined, column: number | undefined) {
  return {
    artifactLocation: { uri: relativeUri(file), uriBaseId: "%SRCROOT%" },
    region: { startLine: line ?? 1, startColumn: column ?? 1 },
  };
}

/** Summaries are written without a full stop (custom ones may have one). */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Markdown to plain text, for the `text` members: emphasis and code marks dropped, links as `title (url)`. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, "$1 ($2)")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\s*\n\s*/g, " ");
}

/**
 * GitHub's `security-severity` (a CVSS-like score: 9.0 and over critical, 7.0 high, 4.0 medium, below
 * low) from what a rule is about, one band lower for rules whose default severity is `warn`. Rules
 * off by default are scored as errors: a policy that turns one on means it. README "Output formats"
 * has the table.
 */
export const SECURITY_SEVERITY: Readonly<Record<string, number>> = {
  sharing: 9.5,
  encryption: 8.5,
  kms: 7.5,
  regions: 6.5,
  facts: 5.5,
  identifiers: 4.5,
  schema: 4.5,
  tags: 4.0,
  retention: 4.0,
};
const CUSTOM_SECURITY_SEVERITY = 5.0;
const WARN_DISCOUNT = 3.0;

export function securitySeverity(rule: Pick<RuleInfo, "category" | "recommended">): string {
  const base = (rule.category !== undefined ? SECURITY_SEVERITY[rule.category] : undefined) ?? CUSTOM_SECURITY_SEVERITY;
  const score = rule.recommended === "warn" ? Math.max(1, base - WARN_DISCOUNT) : base;
  return score.toFixed(1);
}

/** The help GitHub shows beside an alert: what the rule checks, how to fix it, where AWS says so. */
function helpMarkdown(rule: RuleInfo): string {
  const parts = [`**${sentence(rule.summary)}**`];
  if (rule.description) parts.push(rule.description);
  parts.push(`**How to fix:** change the request or snapshot so that it meets the rule; the [rule's page](${rule.helpUri}) shows a passing and a failing example and the rule's options.`);
  if (rule.references?.length) parts.push(["AWS documentation:", ...rule.references.map((r) => `- [${r.title}](${r.url})`)].join("\n"));
  return parts.join("\n\n");
}

/** GitHub shows `fullDescription` and `help` beside each alert and asks for both (validator rule GH2012). */
function descriptor(rule: RuleInfo) {
  const full = rule.description ?? sentence(rule.summary);
  const markdown = helpMarkdown(rule);
  return {
    id: rule.id,
    shortDescription: { text: rule.summary },
    fullDescription: { text: plainText(full), markdown: full },
    helpUri: rule.helpUri,
    help: { text: plainText(markdown.replace(/^- /gm, "")), markdown },
    defaultConfiguration: { level: LEVEL[rule.recommended] },
    properties: { tags: ["security", ...(rule.category ? [rule.category] : [])], "security-severity": securitySeverity(rule) },
  };
}

/**
 * Code scanning matches an alert across commits by this: the file, the subject (its id, else its
 * place), the rule and the pointer — not the line, so moving a request within its file keeps its alerts.
 */
function fingerprint(r: SubjectResult, ruleId: string, pointer: string): string {
  return nodeCrypto().createHash("sha256").update([r.file, r.subject, r.id ?? `#${r.index}`, ruleId, pointer].join("\u0000")).digest("hex");
}
const FINGERPRINT_KEY = "findingIdentity/v1";

/** The tool's one notification kind besides input errors: a rule that could not judge some subjects. */
function notRunDescriptor(helpUri: string) {
  const text = "A rule that needs facts (an inventory or live AWS) or a setting nobody gave is not run for the subjects it cannot judge, and is reported once.";
  return {
    id: "not-run",
    shortDescription: { text: "A rule was not run for some subjects: a fact or setting it needs was missing" },
    fullDescription: { text },
    helpUri,
    help: { text: `${text} Give facts with --inventory FILE or --live, or use --require-facts to turn them into findings.`, markdown: `${text} Give facts with \`--inventory FILE\` or \`--live\`, or use \`--require-facts\` to turn them into findings.` },
  };
}

/** A finding as a SARIF result. */
function sarifResult(r: SubjectResult, f: SubjectResult["findings"][number], ruleIndex: ReadonlyMap<string, number>): object {
  // A rule the context does not list gets no ruleIndex rather than a wrong one: still valid SARIF.
  const index = ruleIndex.get(f.ruleId);
  // A Terraform subject is named by its resource address, as Terraform names it.
  const logical =
    r.address !== undefined
      ? { fullyQualifiedName: r.address, kind: "resource" }
      : { fullyQualifiedName: `${r.id ?? r.file}${f.pointer ? `#${f.pointer}` : ""}`, kind: "resource" };
  const location = isLive(r.file)
    ? { logicalLocations: [logical] }
    : { physicalLocation: physicalLocation(r.file, f.line, f.column), logicalLocations: [logical] };
  return {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: f.severity,
    message: { text: f.message },
    locations: [location],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(r, f.ruleId, f.pointer) },
  };
}

function notificationsOf(tail: RunTail, ruleIndex: ReadonlyMap<string, number>): object[] {
  const notifications: object[] = tail.inputErrors.map((e) => ({
    level: "error",
    message: { text: e.message },
    ...(isLive(e.file) ? {} : { locations: [{ physicalLocation: physicalLocation(e.file, e.line, e.column) }] }),
  }));
  // SARIF §3.58: `descriptor` names the kind of notification (the driver's `notifications`),
  // `associatedRule` the rule it is about.
  for (const n of tail.summary.notRun) {
    const index = ruleIndex.get(n.ruleId);
    notifications.push({
      level: "note",
      message: { text: `${n.ruleId} was not run for ${n.subjects} subject${n.subjects === 1 ? "" : "s"}: ${n.reason}` },
      descriptor: { id: "not-run", index: 0 },
      associatedRule: { id: n.ruleId, ...(index !== undefined ? { index } : {}) },
    });
  }
  return notifications;
}

/** The log with no results: its text ends with the run's `"results": []`, where the kept results go. */
function emptyLog(context: ReportContext, rules: object[], tail: RunTail, ruleIndex: ReadonlyMap<string, number>): string {
  const root = pathToFileURL(context.cwd.endsWith("/") ? context.cwd : `${context.cwd}/`).href;
  const log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: context.toolName, version: context.version, semanticVersion: context.version, informationUri: INFORMATION_URI, rules, notifications: [notRunDescriptor(INFORMATION_URI)] } },
        originalUriBaseIds: { "%SRCROOT%": { uri: root } },
        invocations: [{ executionSuccessful: tail.inputErrors.length === 0, toolExecutionNotifications: notificationsOf(tail, ruleIndex) }],
        results: [],
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** Where the run's results are, and how deep: `runs[0].results`, its elements at eight spaces, as JSON.stringify(log, null, 2) puts them. */
const RESULTS_END = "[]\n    }\n  ]\n}";
const ELEMENT_INDENT = "\n        ";

export const sarifWriter: StreamFormatter = (context, write) => {
  const rules = context.rules.map(descriptor);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const held = new Held();
  return {
    result(r) {
      for (const f of r.findings) {
        const text = JSON.stringify(sarifResult(r, f, ruleIndex), null, 2).replace(/\n/g, ELEMENT_INDENT);
        held.add(held.size === 0 ? `${ELEMENT_INDENT}${text}` : `,${ELEMENT_INDENT}${text}`);
      }
    },
    end(tail) {
      const log = emptyLog(context, rules, tail, ruleIndex);
      if (held.size === 0) return write(`${log}\n`);
      write(`${log.slice(0, -RESULTS_END.length)}[`);
      held.drain(write);
      write(`\n      ]${RESULTS_END.slice(2)}\n`);
    },
  };
};

export const sarif = collected(sarifWriter);
