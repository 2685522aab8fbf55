// `--format sarif`: SARIF 2.1.0 (for GitHub code scanning): one reportingDescriptor per rule, results
// with physical locations relative to %SRCROOT% (the working directory). Live snapshots have no file:
// their results carry the snapshot ARN as a logical location instead.
import { pathToFileURL } from "node:url";
import type { SeveritySetting } from "../model/types.js";
import type { Formatter, RuleInfo } from "./types.js";

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

/** GitHub shows `fullDescription` and `help` beside each alert and asks for both (validator rule GH2012). */
function descriptor(rule: RuleInfo) {
  const summary = sentence(rule.summary);
  return {
    id: rule.id,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.summary },
    helpUri: rule.helpUri,
    help: { text: `${summary} See ${rule.helpUri}`, markdown: `${summary} See [${rule.id}](${rule.helpUri}).` },
    defaultConfiguration: { level: LEVEL[rule.recommended] },
  };
}

export const sarif: Formatter = (run, context) => {
  const rules = context.rules.map(descriptor);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = run.results.flatMap((r) =>
    r.findings.map((f) => {
      // A rule the context does not list gets no ruleIndex rather than a wrong one: still valid SARIF.
      const index = ruleIndex.get(f.ruleId);
      const logical = { fullyQualifiedName: `${r.id ?? r.file}${f.pointer ? `#${f.pointer}` : ""}`, kind: "resource" };
      const location = isLive(r.file)
        ? { logicalLocations: [logical] }
        : { physicalLocation: physicalLocation(r.file, f.line, f.column), logicalLocations: [logical] };
      return {
        ruleId: f.ruleId,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: f.severity,
        message: { text: f.message },
        locations: [location],
      };
    }),
  );
  const notifications = run.inputErrors.map((e) => ({
    level: "error",
    message: { text: e.message },
    ...(isLive(e.file) ? {} : { locations: [{ physicalLocation: physicalLocation(e.file, e.line, e.column) }] }),
  }));
  const root = pathToFileURL(context.cwd.endsWith("/") ? context.cwd : `${context.cwd}/`).href;
  const log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: context.toolName, version: context.version, semanticVersion: context.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { "%SRCROOT%": { uri: root } },
        invocations: [{ executionSuccessful: run.inputErrors.length === 0, toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
};
