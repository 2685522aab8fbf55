// picomatch matchers for rule options, compiled once per distinct pattern list (rules run per
// subject, options are per run).
import picomatch from "picomatch";

type Matcher = (text: string) => boolean;
const cache = new Map<string, Matcher>();

/**
 * True when `text` matches any of `patterns`. Options are picomatch's: `nocase` for identifiers
 * (case-insensitive in AWS). `dot` is on: nothing we match is a path with hidden files.
 */
export function matchesAny(patterns: readonly string[], text: string, options: { nocase?: boolean } = {}): boolean {
  const cacheKey = `${options.nocase ? "i" : "s"}\u0000${patterns.join("\u0000")}`;
  let matcher = cache.get(cacheKey);
  if (matcher === undefined) {
    matcher = picomatch(patterns as string[], { dot: true, nocase: options.nocase ?? false });
    cache.set(cacheKey, matcher);
  }
  return matcher(text);
}
