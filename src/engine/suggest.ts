// "Did you mean": the closest known name within a small edit distance (typos, plurals, case).
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The known name nearest to `name` (ignoring case, `_` for `-`), if within 2 edits. */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase().replace(/_/g, "-");
  let best: { name: string; d: number } | undefined;
  for (const candidate of known) {
    const d = distance(wanted, candidate.toLowerCase());
    if (d <= 2 && (best === undefined || d < best.d)) best = { name: candidate, d };
  }
  return best?.name;
}
