// A unified diff of two versions of a small file, for --fix-dry-run (line-based, 3 lines of context).
export function unifiedDiff(file: string, before: string, after: string): string {
  // A final line break ends the last line; it does not start another.
  const lines = (text: string) => (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");
  const a = lines(before);
  const b = lines(after);
  // Longest common subsequence table; request files are small.
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  type Op = { kind: " " | "-" | "+"; text: string; ai: number; bi: number };
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: " ", text: a[i]!, ai: i++, bi: j++ });
    else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) ops.push({ kind: "+", text: b[j]!, ai: i, bi: j++ });
    else ops.push({ kind: "-", text: a[i]!, ai: i++, bi: j });
  }
  const out = [`--- a/${file}`, `+++ b/${file}`];
  const CONTEXT = 3;
  const changes = ops.flatMap((o, k) => (o.kind === " " ? [] : [k]));
  let c = 0;
  while (c < changes.length) {
    let last = c;
    while (last + 1 < changes.length && changes[last + 1]! - changes[last]! <= CONTEXT * 2) last++;
    const from = Math.max(0, changes[c]! - CONTEXT);
    const to = Math.min(ops.length, changes[last]! + CONTEXT + 1);
    const hunk = ops.slice(from, to);
    const aLen = hunk.filter((o) => o.kind !== "+").length;
    const bLen = hunk.filter((o) => o.kind !== "-").length;
    out.push(`@@ -${hunk[0]!.ai + 1},${aLen} +${hunk[0]!.bi + 1},${bLen} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.text}`);
    c = last + 1;
  }
  return out.join("\n") + "\n";
}
