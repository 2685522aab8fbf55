// Request files → results: walk, read, split into subjects, check, fix. One file at a time: each
// file's results go to the sink (a report being written) once the file is done, so memory holds
// neither documents nor results. `lint` and `copy` are thin wirings of this.
import { resolve } from "node:path";
import { displayPath } from "../input/display-path.js";
import { InputError, readListedText, readText } from "../input/read.js";
import { walk } from "../input/walk.js";
import type { InputProblem, RunResult } from "../model/types.js";
import { checkAll, type Checked } from "./check.js";
import { fixPasses, type FixRecord } from "./fix.js";
import { fileSubjects, type DestinationDefaults, type FileInput } from "./request-file.js";
import { runParts, type RunSettings } from "./settings.js";
import { RunResults, type ResultSink } from "./summary.js";

export interface RequestRunOptions extends RunSettings {
  cwd: string;
  paths: readonly string[];
  /** --region and --account. */
  region?: string;
  account?: string;
  env?: NodeJS.ProcessEnv;
  /** With --live: the caller's account, for requests nothing else names one for. */
  callerAccount?: string;
  /** Apply the rules' fixes: compute them (dry run) or also keep them for writing. */
  fix?: boolean;
  /** Skip named files that do not look like requests, as a folder walk does (pre-commit passes every changed file). */
  onlyRequests?: boolean;
  /** Keep each subject with its facts (copy plans from them). */
  keepChecked?: boolean;
  /** Refuse Terraform plans as input errors (copy: Terraform makes those copies itself). */
  refusePlans?: boolean;
  /** `lint -`: the one document read from standard input, shown and configured as this path. */
  stdin?: { text: string; path: string };
  /** Follow links to files outside the folders walked; else each is skipped and told of. */
  followLinksOutside?: boolean;
  onSkippedLink?: (path: string, target: string, root: string) => void;
  /** Where each result goes once its file is done; without one, the run's `results` hold them. */
  sink?: ResultSink;
}

export interface RequestRun extends RunResult {
  /** With `keepChecked`: every subject with the facts it was checked against, in result order. */
  checked?: Checked[];
  /** With `fix`: the files whose text the fixes change. */
  fixes?: FixRecord[];
}

export async function runRequests(options: RequestRunOptions): Promise<RequestRun> {
  const { cwd } = options;
  const { resolver, check, tally } = runParts(options);
  const defaults: DestinationDefaults = { cli: { region: options.region, account: options.account }, env: options.env ?? process.env, callerAccount: options.callerAccount };
  const inputs = requestInputs(options);
  const results = new RunResults(options.sink);
  const inputErrors: InputProblem[] = [];
  const kept: Checked[] = [];
  const fixes: FixRecord[] = [];
  let files = 0;
  let skipped = 0;
  for (const input of inputs) {
    if ("error" in input) {
      inputErrors.push(input.error);
      continue;
    }
    const settings = resolver.forFile(input.path);
    const lintText = async (text: string) => {
      const parsed = await fileSubjects({ ...input, text, refusePlans: options.refusePlans }, settings, defaults);
      return { parsed, checked: parsed.kind === "ok" ? await checkAll(parsed.located, check) : [] };
    };
    let { parsed, checked } = await lintText(input.text);
    if (parsed.kind === "skipped") {
      skipped++;
      continue;
    }
    if (parsed.kind === "error") {
      inputErrors.push(parsed.error);
      continue;
    }
    if (options.fix) {
      const fixed = await fixPasses(input.text, { parsed, checked }, lintText);
      if (fixed.applied > 0) {
        fixes.push({ file: input.file, path: input.path, before: input.text, after: fixed.text, applied: fixed.applied, root: input.root ?? cwd });
        checked = fixed.checked;
      }
    }
    files++;
    for (const c of checked) {
      results.add(c.result);
      tally.add(c.notRun);
      if (options.keepChecked) kept.push(c);
    }
  }
  const run: RequestRun = results.summarize({ files, skipped }, tally.notices(options.rules.map((r) => r.id)), inputErrors);
  if (options.keepChecked) run.checked = kept;
  if (options.fix) run.fixes = fixes;
  return run;
}

/** The files to lint, each read only when its turn comes: memory holds one text at a time. */
function* requestInputs(options: RequestRunOptions): Generator<FileInput | { error: InputProblem }> {
  const { cwd, config } = options;
  if (options.stdin) {
    const path = resolve(cwd, options.stdin.path);
    yield { path, file: displayPath(cwd, path), text: options.stdin.text, explicit: true };
    return;
  }
  const found = walk(options.paths, { cwd, baseDir: config.dir, files: config.files, ignores: config.ignores, exclude: config.path, followLinksOutside: options.followLinksOutside, onSkippedLink: options.onSkippedLink });
  for (const { path, error } of found.errors) yield { error: { file: displayPath(cwd, path), message: error.message } };
  for (const { path, explicit, root, listed } of found.files) yield readInput(path, displayPath(cwd, path), explicit && !options.onlyRequests, root, listed === true);
}

function readInput(path: string, file: string, explicit: boolean, root: string, listed: boolean): FileInput | { error: InputProblem } {
  try {
    return { path, file, text: listed ? readListedText(path) : readText(path), explicit, root };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { error: { file, message: error.message, line: error.line, column: error.column } };
  }
}
