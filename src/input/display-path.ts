// How results name a file: relative to the working directory, with forward slashes.
import { relative } from "node:path";

export function displayPath(cwd: string, path: string): string {
  return relative(cwd, path).split("\\").join("/") || ".";
}
