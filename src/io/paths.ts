// Path questions shared by the walker and the writer.
import { isAbsolute, relative, sep } from "node:path";

/** Whether `path` is `root` or lies under it (both absolute, links already resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * `relative(from, to)` with forward slashes, as globs and reports spell paths. A walk asks this for
 * every file under the folder, so a plain path below `from` is cut off it without path.relative's
 * resolving of both sides; anything else (outside, `.` segments, doubled separators) takes path.relative.
 */
export function relativeSlashed(from: string, to: string): string {
  if (to.length > from.length + 1 && to.startsWith(from) && to[from.length] === sep && !from.endsWith(sep)) {
    const rest = to.slice(from.length + 1);
    if (!rest.startsWith(".") && !rest.startsWith(sep) && !rest.includes(`${sep}.`) && !rest.includes(`${sep}${sep}`) && !rest.endsWith(sep)) return slashed(rest);
  }
  return slashed(relative(from, to));
}

/** A path with forward slashes, as globs and reports spell it. */
export const slashed = (path: string): string => (path.includes("\\") ? path.split("\\").join("/") : path);

const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/** Whether a slashed path has a `.` or `..` segment (no wildcard of picomatch's crosses one). */
export const hasDotSegment = (path: string): boolean => DOT_SEGMENT.test(path);
