// `--format sarif`: SARIF 2.1.0 (for GitHub code scanning): one reportingDescriptor per rule, results
// with physical locations relative to %SRCROOT% (the working directory). Live snapshots have no file:
// their results carry the snapshot ARN as a logical location instead.
import { pathToFileURL } from "node:url";
import type { SeveritySetting } from "../model/types.js";
import type { Formatter } from "./types.js";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://github.com/neptune-snapshot-policy/neptune-snapshot-policy";
const LEVEL: Record<SeveritySetting, "error" | "warning" | "none"> = { error: "error", warn: "warning", off: "none" };

/** A relative path as a URI reference: each segment percent-encoded, slashes kept. */
function relativeUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function isLive(file: string): boolean {
  return file.startsWith("aws:");
}

export const sarif: Formatter = (run, context) => {
  const rules = context.rules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.summary },
    helpUri: r.helpUri,
    defaultConfiguration: { level: LEVEL[r.recommended] },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = run.results.flatMap((r) =>
    r.findings.map((f) => {
      const index = ruleIndex.get(f.ruleId);
      const logical = { fullyQualifiedName: `${r.id ?? r.file}${f.pointer ? `#${f.pointer}` : ""}`, kind: "resource" };
      const location = isLive(r.file)
        ? { logicalLocations: [logical] }
        : {
            physicalLocation: {
              artifactLocation: { uri: relativeUri(r.file), uriBaseId: "%SRCROOT%" },
              // A finding with no position is about the file as a whole: its first line.
              region: { startLine: f.line ?? 1, startColumn: f.column ?? 1 },
            },
            logicalLocations: [logical],
          };
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
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(e.file), uriBaseId: "%SRCROOT%" },
          region: { startLine: e.line ?? 1, startColumn: e.column ?? 1 },
        },
      },
    ],
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
