// lint: request files → located findings. One file at a time, so memory holds results, not documents.
import { relative } from "node:path";
import type { PolicyConfig } from "./config/load.js";
import { SettingsResolver, type CliRuleSetting } from "./config/resolve.js";
import { checkSubject } from "./engine/runner.js";
import type { Rule } from "./engine/rule.js";
import type { FactSource } from "./facts/source.js";
import type { ParsedDocument } from "./input/document.js";
import { InputError, parseText, readText, syntaxOf } from "./input/read.js";
import { looksLikeRequests, mayHoldRequests, requestSubjects } from "./input/subjects.js";
import { walk } from "./input/walk.js";
import type { Facts, Finding, InputError as InputErrorRecord, Position, RunResult, Subject, SubjectResult } from "./model/types.js";

export interface LintOptions {
  cwd: string;
  paths: readonly string[];
  config: PolicyConfig;
  /** Built-in and custom rules. */
  rules: readonly Rule[];
  cliRules?: readonly CliRuleSetting[];
  /** --region and --account. */
  region?: string;
  account?: string;
  env?: NodeJS.ProcessEnv;
  facts?: FactSource;
  /** The account when nothing else names one (with --live: the caller's, from STS). */
  fallbackAccount?: string;
  now?: Date;
  /** Skip named files that do not look like requests, as a folder walk does (pre-commit passes every changed file). */
  onlyRequests?: boolean;
  /** Told of each request checked, with the facts it was checked against (copy plans from this). */
  onSubject?: (subject: Subject, facts: Facts, result: SubjectResult) => void;
}

export function displayPath(cwd: string, path: string): string {
  return relative(cwd, path).split("\\").join("/") || ".";
}

/** Order findings as editors list them. */
export function byPosition(a: Finding, b: Finding): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.ruleId.localeCompare(b.ruleId) || a.pointer.localeCompare(b.pointer);
}

/**
 * Give a finding its line and column. Lookups are cached per document: the *unverified* warnings of
 * several rules all point at the subject itself.
 */
function locator(doc: ParsedDocument): (subject: Subject, finding: Finding) => Finding {
  const cache = new Map<string, Position | undefined>();
  const at = (pointer: string, target?: "key") => {
    const key = `${target ?? "value"}${pointer}`;
    if (!cache.has(key)) cache.set(key, doc.locate(pointer, target));
    return cache.get(key);
  };
  return (subject, finding) => {
    const found = at(finding.pointer, finding.target) ?? at(subject.pointer);
    if (found) {
      finding.line = found.line;
      finding.column = found.column;
    }
    return finding;
  };
}

export async function lint(options: LintOptions): Promise<RunResult> {
  const { cwd, config } = options;
  const env = options.env ?? process.env;
  const now = options.now ?? new Date();
  const resolver = new SettingsResolver(config, options.rules, options.cliRules);
  const { files, errors: walkErrors } = walk(options.paths, {
    cwd,
    baseDir: config.dir,
    files: config.files,
    ignores: config.ignores,
    exclude: config.path,
  });
  const inputErrors: InputErrorRecord[] = walkErrors.map(({ path, error }) => ({ file: displayPath(cwd, path), message: error.message }));
  const results: SubjectResult[] = [];
  let linted = 0;
  let skipped = 0;

  for (const { path, explicit: named } of files) {
    const explicit = named && !options.onlyRequests;
    const file = displayPath(cwd, path);
    const syntax = syntaxOf(path) ?? "yaml";
    let doc: ParsedDocument;
    let text: string;
    try {
      text = readText(path);
      if (!explicit && !mayHoldRequests(text)) {
        skipped++;
        continue;
      }
      doc = await parseText(text, syntax);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      inputErrors.push({ file, message: error.message, line: error.line, column: error.column });
      continue;
    }
    if (!explicit && !looksLikeRequests(doc.value)) {
      skipped++;
      continue;
    }
    let parts;
    try {
      parts = requestSubjects(doc);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      inputErrors.push({ file, message: error.message, line: error.line, column: error.column });
      continue;
    }
    linted++;
    const settings = resolver.forFile(path);
    const region = parts.plan?.region ?? options.region ?? settings.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    const account = parts.plan?.account ?? options.account ?? settings.account ?? options.fallbackAccount;
    const locate = locator(doc);
    for (const raw of parts.subjects) {
      const subject: Subject = { kind: "request", file, index: raw.index, pointer: raw.pointer, value: raw.value, region, account, duplicates: raw.duplicates };
      const facts: Facts = options.facts ? await options.facts.forRequest(subject) : {};
      const findings = checkSubject(subject, settings.rules, facts, now).map((f) => locate(subject, f));
      findings.sort(byPosition);
      const target = (raw.value as Record<string, unknown> | null)?.TargetDBClusterSnapshotIdentifier;
      const result: SubjectResult = {
        file,
        subject: "request",
        id: typeof target === "string" ? target : null,
        index: raw.index,
        region: region ?? null,
        findings,
      };
      results.push(result);
      options.onSubject?.(subject, facts, result);
    }
  }

  let errors = 0;
  let warnings = 0;
  for (const r of results) for (const f of r.findings) f.severity === "error" ? errors++ : warnings++;
  return { results, inputErrors, summary: { files: linted, skipped, subjects: results.length, errors, warnings } };
}
