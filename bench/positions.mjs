#!/usr/bin/env node
// The shapes that made positions quadratic (issue 13, point 10): one request file holding an array of
// many broken requests (669 KB, the size first reported), an 8 MiB array of requests (the request file
// limit) and a one-line (minified) 40 MB inventory. Writes them under DIR and, with --bin, times one
// lint / audit of each with that build (and any --bin-before build, alternating).
//
// usage: node bench/positions.mjs [--dir DIR] [--bin BIN] [--bin-before BIN] [--runs N] [--shapes a,b,c]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const dir = resolve(flag("dir", join(root, "bench/.work/positions")));
const shared = [process.env.NSP_SHARED, join(root, "../shared"), join(root, "../../shared")].find((p) => p && existsSync(join(p, "bench/gen-workload.mjs")));
if (!shared) {
  console.error("bench: ../shared/bench/gen-workload.mjs not found (set NSP_SHARED)");
  process.exit(2);
}

/** Requests from the shared generator, each broken twice more so every one has several findings. */
function requests(count) {
  const wl = join(dir, `wl-${count}`);
  if (!existsSync(join(wl, "requests"))) execFileSync(process.execPath, [join(shared, "bench/gen-workload.mjs"), "--out", wl, "--requests", String(count), "--snapshots", "1"], { stdio: "ignore" });
  const out = [];
  for (const region of readdirSync(join(wl, "requests"))) {
    for (const f of readdirSync(join(wl, "requests", region)).filter((n) => n.endsWith(".json"))) {
      const r = JSON.parse(readFileSync(join(wl, "requests", region, f), "utf8"));
      r.Tags = [...(r.Tags ?? []), { Key: "aws:reserved", Value: "x" }, { Key: "bad#key", Value: "v" }];
      out.push(r);
    }
  }
  return out;
}

/** A pretty-printed array of requests, as large as possible without going over `bytes`. */
function arrayFile(name, bytes) {
  const path = join(dir, name);
  if (existsSync(path)) return path;
  const pool = requests(4000);
  const items = [];
  let size = 2;
  for (let i = 0; ; i++) {
    const text = JSON.stringify(pool[i % pool.length], null, 2);
    const inArray = text.length + 2 * text.split("\n").length + 2; // indented one level, ",\n"
    if (size + inArray > bytes) break;
    items.push(pool[i % pool.length]);
    size += inArray;
  }
  writeFileSync(path, JSON.stringify(items, null, 2) + "\n");
  return path;
}

function minifiedInventory(name, bytes) {
  const path = join(dir, name);
  if (existsSync(path)) return path;
  // ~1,050 bytes per snapshot pretty, ~700 minified.
  const n = Math.ceil(bytes / 690);
  const wl = join(dir, `inv-${n}`);
  if (!existsSync(join(wl, "inventory.json"))) execFileSync(process.execPath, [join(shared, "bench/gen-workload.mjs"), "--out", wl, "--requests", "1", "--snapshots", String(n)], { stdio: "ignore" });
  writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(join(wl, "inventory.json"), "utf8"))));
  return path;
}

mkdirSync(dir, { recursive: true });
const all = {
  "requests-669k": () => ({ file: arrayFile("requests-669k.json", 669 * 1024), cmd: (f) => ["lint", f, "--region", "us-east-1", "--no-config", "--format", "json"] }),
  "requests-8mib": () => ({ file: arrayFile("requests-8mib.json", 8 * 1024 * 1024 - 64), cmd: (f) => ["lint", f, "--region", "us-east-1", "--no-config", "--format", "json"] }),
  "inventory-minified-40mb": () => ({ file: minifiedInventory("inventory-minified-40mb.json", 40 * 1024 * 1024), cmd: (f) => ["audit", "--inventory", f, "--no-config", "--format", "json"] }),
};
const shapes = (flag("shapes", Object.keys(all).join(","))).split(",");
const bins = [flag("bin", undefined), flag("bin-before", undefined)].filter(Boolean);
const runs = Number(flag("runs", 1));
const timeout = Number(flag("timeout", 900)) * 1000;
for (const shape of shapes) {
  const { file, cmd } = all[shape]();
  const size = statSync(file).size;
  const line = [`${shape}: ${(size / 1048576).toFixed(2)} MiB`];
  for (let run = 0; run < runs; run++) {
    for (const bin of bins) {
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [bin, ...cmd(file), "--output", join(dir, `${shape}.${bin.replace(/[^\w]+/g, "_")}.out.json`)], { encoding: "utf8", timeout, maxBuffer: 1 << 30 });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      line.push(`${bin}: ${r.error ? `timed out after ${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(2)} s (exit ${r.status})`}`);
    }
  }
  console.log(line.join("; "));
}
