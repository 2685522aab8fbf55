// Measuring commands side by side: one run (wall, peak RSS, CPU), alternating runs with medians,
// callgrind instruction counts, the machine's load, and the Markdown table of a comparison.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

export const median = (xs) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The last line of /usr/bin/time's stderr: "%M %U %S" (KB, s, s). */
function timeLine(stderr) {
  const m = /(\d+) (\d+\.\d+) (\d+\.\d+)\s*$/.exec(stderr);
  return m ? { rss: Number(m[1]) / 1024, cpu: (Number(m[2]) + Number(m[3])) * 1000 } : { rss: NaN, cpu: NaN };
}

/**
 * Run a command once: wall ms, peak RSS MB and CPU ms (user + system, when /usr/bin/time exists).
 * Exit codes 0 and 1 (findings) are normal; anything else stops the bench with the command's stderr.
 */
export function once(cmd, cwd) {
  const [file, ...rest] = cmd;
  const start = process.hrtime.bigint();
  const result = TIME
    ? spawnSync(TIME, ["-f", "%M %U %S", file, ...rest], { cwd, encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync(file, rest, { cwd, encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${cmd.join(" ")} exited ${result.status}: ${result.stderr.slice(-2000)}`);
  return { ms, ...(TIME ? timeLine(result.stderr) : { rss: NaN, cpu: NaN }), stdout: result.stdout, stderr: result.stderr };
}

/**
 * Alternate the commands `runs` times (after `warmup` runs of each, default one) and summarise each
 * by the median wall and CPU time, min–max wall, and the median of the peak RSS of its runs.
 * `last` keeps each command's last run (its stdout and stderr), for checks on what it printed.
 */
export function alternate({ name, commands, runs, warmup = 1, note = "" }) {
  for (let i = 0; i < warmup; i++) for (const c of commands) once(c.cmd, c.cwd);
  const samples = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, j) => samples[j].push(once(c.cmd, c.cwd)));
  const rows = commands.map((c, j) => {
    const ms = samples[j].map((s) => s.ms);
    return {
      label: c.label,
      role: c.role,
      median: median(ms),
      min: Math.min(...ms),
      max: Math.max(...ms),
      cpu: median(samples[j].map((s) => s.cpu)),
      rss: median(samples[j].map((s) => s.rss)),
      last: samples[j].at(-1),
    };
  });
  return { name, rows, runs, warmup, note };
}

/** The row of a comparison playing `role` ("after", "before", "peer"). */
export const row = (result, role) => result.rows.find((r) => r.role === role);

/** Instructions executed by a command under callgrind (all threads), or undefined without valgrind. */
export function instructions(cmd, cwd, env = process.env) {
  const result = spawnSync("valgrind", ["--tool=callgrind", "--callgrind-out-file=/dev/null", ...cmd], { cwd, env, encoding: "utf8", maxBuffer: 1 << 30 });
  if (result.error) return undefined;
  const m = /Collected\s*:\s*(\d+)/.exec(result.stderr);
  return m ? Number(m[1]) : undefined;
}

/** The 1-, 5- and 15-minute load averages, as `uptime` prints them. */
export function load() {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "?";
  }
}

const fmt = (x, digits = 0) => (Number.isNaN(x) || x === undefined ? "—" : x.toFixed(digits));

/** A ratio with three significant digits below 0.1 (against a slow peer), else two decimals. */
const times = (r) => `${fmt(r, r < 0.1 ? 4 : 2)}×`;

/** A comparison as Markdown: one line per command, ratios of medians to the last command (the floor or peer). */
export function timingTable(result, goal) {
  const base = result.rows.at(-1);
  const how = `${result.runs} alternating run${result.runs === 1 ? "" : "s"} per command${result.warmup ? ` after ${result.warmup} warm-up` : ", no warm-up"}${result.note ? `; ${result.note}` : ""}.`;
  const lines = [`### ${result.name}`, "", goal, "", how, "", "| command | median ms | min–max ms | CPU ms | peak RSS MB | wall ratio to last | CPU ratio to last |", "|---|---:|---:|---:|---:|---:|---:|"];
  for (const r of result.rows) {
    lines.push(`| ${r.label} | ${fmt(r.median)} | ${fmt(r.min)}–${fmt(r.max)} | ${fmt(r.cpu)} | ${fmt(r.rss)} | ${times(r.median / base.median)} | ${times(r.cpu / base.cpu)} |`);
  }
  return lines.join("\n") + "\n";
}

export { fmt };
