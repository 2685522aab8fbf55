// Running the built CLI as users run it, in a scratch directory of our making.
import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

export const BIN = resolve(__dirname, "../../bin/neptune-snapshot-policy.js");
export const ROOT = resolve(__dirname, "../..");
const run = promisify(execFile);

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; stdin?: string; timeout?: number } = {}): Promise<Outcome> {
  const env: Record<string, string | undefined> = { ...process.env, AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, NO_COLOR: "1", ...options.env };
  try {
    // timeout: a run that would block (reading a FIFO, say) is killed and fails its test rather than hang it.
    const child = run(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, timeout: options.timeout });
    // Standard input is closed (or given) so that nothing waits on the terminal.
    child.child.stdin?.end(options.stdin ?? "");
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export function workdir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "nsp-e2e-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
