// The bench's command line, shared by run.mjs and same-output.mjs.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { root, sharedDir } from "./workloads.mjs";

export function benchContext(args) {
  const flag = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i === -1 ? fallback : args[i + 1];
  };
  const num = (name, fallback) => Number(flag(name, fallback));
  const smoke = args.includes("--smoke");
  const runs = flag("runs", undefined);
  /** Runs for one comparison: --runs overrides every default. */
  const runsOf = (fallback) => Number(runs ?? (smoke ? 1 : fallback));
  const work = resolve(flag("work", join(root, "bench/.work")));
  mkdirSync(work, { recursive: true });
  const before = flag("before", undefined);
  return {
    smoke,
    only: flag("only", undefined)?.split(","),
    runsOf,
    files: num("files", smoke ? 30 : 10000),
    bigFiles: num("big-files", smoke ? 60 : 100000),
    spectralFiles: num("spectral-files", 1000),
    spectralRuns: num("spectral-runs", 3),
    bigRuns: num("big-runs", smoke ? 1 : 3),
    snapshots: num("snapshots", smoke ? 200 : 100000),
    work,
    workloads: resolve(flag("workloads", work)),
    shared: sharedDir(smoke),
    before: before && resolve(before),
    sameAs: (flag("same-as", undefined) ?? before) && resolve(flag("same-as", undefined) ?? before),
    callgrind: !smoke && !args.includes("--no-callgrind"),
    write: flag("write", undefined) && resolve(flag("write", undefined)),
  };
}
