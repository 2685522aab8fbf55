// How results name a file: relative to the working directory, with forward slashes.
import { relativeSlashed } from "../io/paths.js";

export function displayPath(cwd: string, path: string): string {
  return relativeSlashed(cwd, path) || ".";
}
