// The policy a config file states, as plain data: shared by config, engine, fixes, copies and remediation.
import type { SeveritySetting, SubjectKind } from "./types.js";

export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

export interface CustomRuleSpec {
  id: string;
  subjects: SubjectKind[];
  severity?: SeveritySetting;
  message: string;
  description?: string;
  schema: Record<string, unknown>;
}

export interface PolicyConfig {
  /** Absolute path of the file; undefined for the bundled recommended policy. */
  path?: string;
  /** Folder that `files`, `ignores` and override globs are relative to. */
  dir: string;
  region?: string;
  account?: string;
  files?: string[];
  ignores?: string[];
  rules?: Record<string, RuleSetting>;
  overrides?: { files: string[]; region?: string; account?: string; rules?: Record<string, RuleSetting> }[];
  customRules?: CustomRuleSpec[];
  remediation?: RemediationSettings;
  /** As --require-facts: a check that could not run for want of facts is a finding. */
  requireFacts?: boolean;
}

export interface RemediationSettings {
  kmsKeys?: Record<string, string>;
  tags?: Record<string, string>;
  targetSuffix?: string;
}

/** `--rule ID:SEVERITY[:JSON-OPTIONS]`, parsed. */
export interface CliRuleSetting {
  id: string;
  severity: SeveritySetting;
  options?: Record<string, unknown>;
}
