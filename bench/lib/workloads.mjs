// The bench's inputs: generated workloads (found in --workloads, else generated into --work), the
// config a repository would have for them, and the peers installed into --work.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const bin = join(root, "bin/neptune-snapshot-policy.js");

/** The shared folder with the workload generator and the peers, unless smoke runs must do without. */
export function sharedDir(smoke) {
  if (smoke) return undefined;
  return [process.env.NSP_SHARED, join(root, "../shared"), join(root, "../../shared")].find((p) => p && existsSync(join(p, "bench/gen-workload.mjs")));
}

/** A workload: the shared generator's, or (smoke runs) copies of our fixtures. */
function generate(shared, dir, requests, snapshots) {
  if (shared) {
    execFileSync(process.execPath, [join(shared, "bench/gen-workload.mjs"), "--out", dir, "--requests", String(requests), "--snapshots", String(snapshots)], { stdio: "ignore" });
    return;
  }
  const good = readFileSync(join(root, "fixtures/requests/good/graph-staging-copy.json"), "utf8");
  const inventory = readFileSync(join(root, "fixtures/inventories/account-111122223333.json"), "utf8");
  mkdirSync(join(dir, "requests/us-east-1"), { recursive: true });
  for (let i = 0; i < requests; i++) writeFileSync(join(dir, "requests/us-east-1", `copy-${i}.${i % 3 === 2 ? "yaml" : "json"}`), good);
  writeFileSync(join(dir, "inventory.json"), inventory);
}

/** A folder `name` holding `probe`: from --workloads if it has it, else generated into --work. */
function find(ctx, name, probe, make) {
  for (const base of [ctx.workloads, ctx.work]) if (existsSync(join(base, name, probe))) return join(base, name);
  const dir = join(ctx.work, name);
  make(dir);
  return dir;
}

/**
 * The request workload of `n` files, with a config in --work mapping each region folder to its
 * region (globs relative to the config; the workload itself is never written to).
 */
export function requestWorkload(ctx, n) {
  const dir = find(ctx, `wl-${n}`, "requests", (d) => generate(ctx.shared, d, n, 10));
  const regions = readdirSync(join(dir, "requests")).sort();
  const config = join(ctx.work, `config-wl-${n}.yml`);
  const rel = relative(ctx.work, dir).split("\\").join("/");
  writeFileSync(config, `overrides:\n${regions.map((r) => `  - files: ["${rel}/requests/${r}/**"]\n    region: ${r}\n`).join("")}`);
  return { dir, requests: join(dir, "requests"), config, regions };
}

/** The inventory of `n` snapshots: { file, mb }. */
export function inventoryWorkload(ctx, n) {
  const dir = find(ctx, `inv-${n}`, "inventory.json", (d) => generate(ctx.shared, d, 1, n));
  const file = join(dir, "inventory.json");
  return { file, mb: readFileSync(file).length / 1048576 };
}

/** The first file of the workload ending in one of `exts`: { region, file }. */
export function oneFile(workload, exts) {
  for (const region of workload.regions) {
    const name = readdirSync(join(workload.requests, region)).sort().find((f) => exts.some((e) => f.endsWith(e)));
    if (name) return { region, file: join(workload.requests, region, name) };
  }
  throw new Error(`bench: no ${exts.join("/")} file in ${workload.requests}`);
}

/** Spectral from ../shared/bench/peers/spectral, installed into --work: { dir, bin, ruleset } or undefined. */
export function spectralPeer(ctx) {
  const source = ctx.shared && join(ctx.shared, "bench/peers/spectral");
  if (!source || !existsSync(join(source, "package.json"))) return undefined;
  const dir = join(ctx.work, "spectral");
  if (!existsSync(join(dir, "node_modules/.bin/spectral"))) {
    cpSync(source, dir, { recursive: true, filter: (p) => !p.includes("node_modules") });
    execFileSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: dir, stdio: "ignore" });
  }
  return { dir, bin: join(dir, "node_modules/.bin/spectral"), ruleset: join(dir, ".spectral.yaml") };
}

/** ajv-cli 5 installed into --work from the npm registry: the path of its binary. */
export function ajvPeer(ctx) {
  const dir = join(ctx.work, "ajv-cli");
  const ajv = join(dir, "node_modules/.bin/ajv");
  if (!existsSync(ajv)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), `{ "name": "peer-ajv-cli", "private": true }\n`);
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "ajv-cli@5"], { cwd: dir, stdio: "ignore" });
  }
  return ajv;
}
