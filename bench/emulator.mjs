// The loopback AWS emulator (TypeScript, under test/support) bundled for plain Node, for benchmarks.
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Bundle the emulator into bench/.work and load it. */
export async function loadEmulator() {
  const work = join(root, "bench/.work");
  mkdirSync(work, { recursive: true });
  const bundle = join(work, "aws-emulator.mjs");
  await esbuild.build({ entryPoints: [join(root, "test/support/aws-emulator/index.ts")], bundle: true, platform: "node", format: "esm", outfile: bundle, logLevel: "error" });
  return import(pathToFileURL(bundle).href);
}

/** `--name value` from the command line, or the fallback. */
export function flag(name, fallback) {
  const args = process.argv.slice(2);
  return args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback;
}
