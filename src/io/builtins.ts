// Node built-ins that cost start-up time (node:crypto and node:child_process each take 12–14 M
// instructions to load, a tenth of a one-file lint) and that most runs never use: loaded at their
// first use instead of when the program starts.
import { createRequire } from "node:module";

const load = createRequire(import.meta.url);

export const nodeCrypto = (): typeof import("node:crypto") => load("node:crypto");
export const nodeChildProcess = (): typeof import("node:child_process") => load("node:child_process");
