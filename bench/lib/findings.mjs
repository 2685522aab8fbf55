// Do two linters find the same defects? A defect is a rule, a file and the JSON pointer of the value
// (Spectral reports some defects twice, e.g. a pattern's `match` and `notMatch` both failing on one
// value: counting distinct places compares defects, not messages).
import { resolve } from "node:path";
import { parse } from "yaml";

const add = (map, key, value) => {
  if (!map.has(key)) map.set(key, new Set());
  map.get(key).add(value);
};
const place = (file, pointer) => `${file} ${pointer}`;
const fileOf = (p) => p.slice(0, p.lastIndexOf(" "));
/** JSON pointer escaping (RFC 6901) of one path segment. */
const escape = (segment) => String(segment).replaceAll("~", "~0").replaceAll("/", "~1");

/** Our `--format json` report: rule id → set of "absolute-file pointer"; `cwd` is where lint ran. */
export function ourDefects(report, cwd) {
  const byRule = new Map();
  for (const r of report.results) for (const f of r.findings) add(byRule, f.ruleId, place(resolve(cwd, r.file), f.pointer ?? ""));
  return byRule;
}

/** Spectral's `-f json` output (an array of results): rule name → set of "absolute-file pointer". */
export function spectralDefects(results, cwd) {
  const byRule = new Map();
  for (const r of results) add(byRule, r.code, place(resolve(cwd, r.source), r.path.length ? "/" + r.path.map(escape).join("/") : ""));
  return byRule;
}

/** Rule names of a Spectral ruleset (.spectral.yaml text) that are also our rule ids: the mapping, by name. */
export function rulesetMapping(rulesetText, ourIds) {
  const names = Object.keys(parse(rulesetText).rules ?? {});
  const known = new Set(ourIds);
  return names.map((name) => ({ peer: name, ours: known.has(name) ? name : undefined }));
}

/** The name of the ruleset's rule that validates the whole document against a JSON Schema. */
export function schemaRule(rulesetText) {
  const rules = parse(rulesetText).rules ?? {};
  return Object.keys(rules).find((name) => rules[name].then?.function === "schema");
}

const files = (set) => new Set([...(set ?? [])].map(fileOf));
const minus = (a, b) => [...a].filter((x) => !b.has(x)).sort();

/**
 * Per mapped rule: our and the peer's defect and file counts, and the places only one side found.
 * `same` holds when both sides found exactly the same places. Our rules the ruleset has no
 * counterpart for are listed in `oursOnly` (they cannot be compared).
 */
export function compareDefects(ours, peer, mapping) {
  const rows = mapping.map(({ peer: name, ours: id }) => {
    const a = id ? ours.get(id) ?? new Set() : new Set();
    const b = peer.get(name) ?? new Set();
    const onlyOurs = minus(a, b);
    const onlyPeer = minus(b, a);
    return { peer: name, ours: id, oursPlaces: a.size, peerPlaces: b.size, oursFiles: files(a).size, peerFiles: files(b).size, onlyOurs, onlyPeer, same: id !== undefined && onlyOurs.length === 0 && onlyPeer.length === 0 };
  });
  const mapped = new Set(mapping.map((m) => m.ours).filter(Boolean));
  const oursOnly = [...ours.keys()].filter((id) => !mapped.has(id)).sort().map((id) => ({ id, places: ours.get(id).size, files: files(ours.get(id)).size }));
  return { rows, oursOnly, same: rows.every((r) => r.same) };
}

/** Spectral's results per rule, before counting places: rule name → number of results. */
export function spectralResults(results) {
  const n = new Map();
  for (const r of results) n.set(r.code, (n.get(r.code) ?? 0) + 1);
  return n;
}

/**
 * The comparison as Markdown, with up to `show` differing places per rule spelled out; `peerResults`
 * (optional, from spectralResults) adds the peer's raw result counts.
 */
export function defectTable(cmp, { peerName = "Spectral", show = 10, peerResults } = {}) {
  const raw = (name) => (peerResults ? ` ${peerResults.get(name) ?? 0} |` : "");
  const lines = [`| ${peerName} rule | our rule | defects: ours | defects: ${peerName} | files: ours | files: ${peerName} | same |${peerResults ? ` ${peerName} results |` : ""}`, `|---|---|---:|---:|---:|---:|---|${peerResults ? "---:|" : ""}`];
  for (const r of cmp.rows) lines.push(`| ${r.peer} | ${r.ours ?? "(none)"} | ${r.oursPlaces} | ${r.peerPlaces} | ${r.oursFiles} | ${r.peerFiles} | ${r.same ? (r.oursPlaces ? "yes" : "yes, vacuously: none in the workload") : "**NO**"} |${raw(r.peer)}`);
  for (const o of cmp.oursOnly) lines.push(`| (none) | ${o.id} | ${o.places} | — | ${o.files} | — | not comparable |${peerResults ? " — |" : ""}`);
  const out = [lines.join("\n")];
  for (const r of cmp.rows.filter((x) => !x.same)) {
    out.push(`**MISMATCH in ${r.peer}**: ${r.onlyOurs.length} places found only by us, ${r.onlyPeer.length} only by ${peerName}.`);
    for (const p of r.onlyOurs.slice(0, show)) out.push(`- only ours: \`${p}\``);
    for (const p of r.onlyPeer.slice(0, show)) out.push(`- only ${peerName}: \`${p}\``);
  }
  return out.join("\n\n") + "\n";
}

/** The files ajv-cli's `validate` calls invalid (it prints "FILE invalid" on stderr), as absolute paths. */
export function ajvInvalid(stderr, cwd) {
  return new Set([...stderr.matchAll(/^(.*) invalid$/gm)].map((m) => resolve(cwd, m[1])));
}
