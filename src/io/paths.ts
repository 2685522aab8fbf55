// Path questions shared by the walker and the writer.
import { isAbsolute, relative } from "node:path";

/** Whether `path` is `root` or lies under it (both absolute, links already resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
