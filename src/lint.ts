// lint: request files → located findings. One file at a time, so memory holds results, not documents.
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import type { PolicyConfig } from "./config/load.js";
import { SettingsResolver, type CliRuleSetting } from "./config/resolve.js";
import { checkSubject } from "./engine/runner.js";
import type { Rule } from "./engine/rule.js";
import type { FactSource } from "./facts/source.js";
import type { ParsedDocument } from "./input/document.js";
import { InputError, parseText, readText, syntaxOf } from "./input/read.js";
import { looksLikeRequests, mayHoldRequests, requestSubjects } from "./input/subjects.js";
import { walk } from "./input/walk.js";
import { isTerraformPlan, terraformSubjects } from "./input/terraform.js";
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
  /** Apply the safe fixes: write them, or only report them (dry run). */
  fix?: "write" | "dry-run";
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

/** Whether any rule finds more defects after a fix pass than before it. */
function introducesFindings(before: readonly { result: SubjectResult }[], after: readonly { result: SubjectResult }[]): boolean {
  const count = (list: readonly { result: SubjectResult }[]) => {
    const n = new Map<string, number>();
    // An *unverified* warning is not a defect: naming a key, say, makes the key rules ask for facts.
    for (const { result } of list) for (const f of result.findings) if (f.messageId !== "unverified") n.set(f.ruleId, (n.get(f.ruleId) ?? 0) + 1);
    return n;
  };
  const was = count(before);
  return [...count(after)].some(([rule, n]) => n > (was.get(rule) ?? 0));
}

/** A file `--fix` changed (or, with --fix-dry-run, would change). */
export interface FixRecord {
  file: string;
  path: string;
  before: string;
  after: string;
  applied: number;
}

/** Replace a file through a temporary file and a rename, so an interrupted fix never leaves half a file. */
function writeFileAtomic(path: string, text: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.fix`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new InputError(`${path}: cannot write the fixed file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

export async function lint(options: LintOptions): Promise<RunResult & { fixes?: FixRecord[] }> {
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
  const fixes: FixRecord[] = [];

  /** Lint one file's text: its results, or why it was skipped or could not be read. */
  const lintText = async (path: string, file: string, explicit: boolean, text: string) => {
    const syntax = syntaxOf(path) ?? "yaml";
    if (!explicit && !mayHoldRequests(text)) return { kind: "skipped" as const };
    let doc: ParsedDocument;
    let parts;
    try {
      doc = await parseText(text, syntax);
      if (isTerraformPlan(doc.value)) return lintTerraform(path, file, explicit, doc);
      if (!explicit && !looksLikeRequests(doc.value)) return { kind: "skipped" as const };
      parts = requestSubjects(doc);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { kind: "error" as const, error: { file, message: error.message, line: error.line, column: error.column } };
    }
    const settings = resolver.forFile(path);
    const region = parts.plan?.region ?? options.region ?? settings.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    const account = parts.plan?.account ?? options.account ?? settings.account ?? options.fallbackAccount;
    const locate = locator(doc);
    const checked: { subject: Subject; facts: Facts; result: SubjectResult }[] = [];
    const subjects = parts.subjects.map((raw): Subject => ({ kind: "request", file, index: raw.index, pointer: raw.pointer, value: raw.value, region, account, duplicates: raw.duplicates }));
    // Live facts for a whole file are asked for at once; the AWS layer bounds and de-duplicates the calls.
    const allFacts: Facts[] = options.facts ? await Promise.all(subjects.map((subject) => options.facts!.forRequest(subject))) : subjects.map(() => ({}));
    for (const [i, raw] of parts.subjects.entries()) {
      const subject = subjects[i]!;
      const facts = allFacts[i]!;
      const findings = checkSubject(subject, settings.rules, facts, now).map((f) => locate(subject, f));
      findings.sort(byPosition);
      const target = (raw.value as Record<string, unknown> | null)?.TargetDBClusterSnapshotIdentifier;
      const result: SubjectResult = { file, subject: "request", id: typeof target === "string" ? target : null, index: raw.index, region: region ?? null, findings };
      checked.push({ subject, facts, result });
    }
    return { kind: "ok" as const, doc, syntax, checked };
  };

  /** A Terraform plan: its snapshot copies and Neptune snapshots, found where the plan puts them. */
  const lintTerraform = (path: string, file: string, explicit: boolean, doc: ParsedDocument) => {
    const subjects = terraformSubjects(doc.value as Record<string, unknown>);
    if (subjects.length === 0 && !explicit) return { kind: "skipped" as const };
    const settings = resolver.forFile(path);
    const locate = locator(doc);
    const checked: { subject: Subject; facts: Facts; result: SubjectResult }[] = [];
    return (async () => {
      for (const tf of subjects) {
        const region = tf.region ?? options.region ?? settings.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
        const account = options.account ?? settings.account ?? options.fallbackAccount;
        const subject: Subject = { kind: tf.kind, file, index: tf.index, pointer: tf.pointer, value: tf.value, region, account, mapPointer: tf.mapPointer };
        const facts: Facts = options.facts && tf.kind === "request" ? await options.facts.forRequest(subject) : {};
        const findings = checkSubject(subject, settings.rules, facts, now)
          // SourceRegion exists for the AWS CLI and boto3; the provider presigns by itself and has no such argument.
          .filter((f) => f.ruleId !== "source-region-missing")
          .flatMap((f) => {
            // A member Terraform knows only after apply cannot be judged from the plan: say so, once.
            const missing = f.ruleId === "request-schema" && tf.unknown.find((m) => f.message.includes(m));
            if (!missing) return [f];
            return [{ ...f, severity: "warning" as const, messageId: "unverified", message: `Could not verify: ${missing} is known only after apply.` }];
          })
          // A value the plan does not hold (known only after apply, or taken from the cluster) is found at the resource.
          .map((f) => locate(subject, { ...f, pointer: doc.locate(f.pointer) ? f.pointer : tf.pointer, message: `${tf.address}: ${f.message}` }));
        findings.sort(byPosition);
        const id = tf.kind === "request" ? tf.value.TargetDBClusterSnapshotIdentifier : tf.value.DBClusterSnapshotIdentifier;
        const result: SubjectResult = { file, subject: tf.kind, id: typeof id === "string" ? id : null, index: tf.index, region: region ?? null, findings };
        checked.push({ subject, facts, result });
      }
      return { kind: "ok" as const, doc, syntax: syntaxOf(path) ?? ("json" as const), checked };
    })();
  };

  for (const { path, explicit: named } of files) {
    const explicit = named && !options.onlyRequests;
    const file = displayPath(cwd, path);
    let text: string;
    try {
      text = readText(path);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      inputErrors.push({ file, message: error.message, line: error.line, column: error.column });
      continue;
    }
    let outcome = await lintText(path, file, explicit, text);
    if (outcome.kind === "skipped") {
      skipped++;
      continue;
    }
    if (outcome.kind === "error") {
      inputErrors.push(outcome.error);
      continue;
    }
    if (options.fix) {
      const { fixesFor } = await import("./fix/fixes.js");
      const { applyEdits } = await import("./fix/edits.js");
      // Passes as in ESLint: edits that overlap wait for the next pass over the re-parsed text.
      let current = outcome;
      let fixedText = text;
      let applied = 0;
      for (let pass = 0; pass < 10; pass++) {
        const state = current;
        const edits = state.checked.flatMap((c) => fixesFor(fixedText, state.doc, state.syntax, c.subject, c.result, options.config.remediation));
        const next = applyEdits(fixedText, edits);
        if (next.applied === 0 || next.text === fixedText) break;
        const again = await lintText(path, file, explicit, next.text);
        // A fix that breaks the file, or brings a finding of any rule that was not there, is not a
        // fix: keep the last good text.
        if (again.kind !== "ok" || introducesFindings(state.checked, again.checked)) break;
        fixedText = next.text;
        applied += next.applied;
        current = again;
      }
      if (applied > 0) {
        fixes.push({ file, path, before: text, after: fixedText, applied });
        if (options.fix === "write") writeFileAtomic(path, fixedText);
        outcome = current;
      }
    }
    linted++;
    for (const { subject, facts, result } of outcome.checked) {
      results.push(result);
      options.onSubject?.(subject, facts, result);
    }
  }

  let errors = 0;
  let warnings = 0;
  for (const r of results) for (const f of r.findings) f.severity === "error" ? errors++ : warnings++;
  return { results, inputErrors, summary: { files: linted, skipped, subjects: results.length, errors, warnings, notRun: [] }, ...(options.fix ? { fixes } : {}) };
}
