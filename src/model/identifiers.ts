// DB cluster snapshot identifier syntax, as CopyDBClusterSnapshot documents it for
// TargetDBClusterSnapshotIdentifier: 1 to 63 letters, numbers or hyphens; first character a letter;
// no trailing hyphen; no two consecutive hyphens. Identifiers are case-insensitive (stored lowercase).

export const MAX_IDENTIFIER_LENGTH = 63;
/** Automated snapshot ids are `rds:` + cluster id (≤ 63) + `-YYYY-MM-DD-HH-MM`, so they run longer. */
export const MAX_AUTOMATED_IDENTIFIER_LENGTH = 255;
export const AUTOMATED_PREFIX = "rds:";

export type IdentifierProblem = "empty" | "too-long" | "first-not-letter" | "bad-character" | "trailing-hyphen" | "double-hyphen";

const LETTER = /^[A-Za-z]$/;
const BODY = /^[A-Za-z0-9-]*$/;

/** The first problem with an identifier body, or undefined when it is valid. */
export function identifierProblem(id: string, maxLength = MAX_IDENTIFIER_LENGTH): IdentifierProblem | undefined {
  if (id.length === 0) return "empty";
  if (id.length > maxLength) return "too-long";
  if (!LETTER.test(id[0] as string)) return "first-not-letter";
  if (!BODY.test(id)) return "bad-character";
  if (id.endsWith("-")) return "trailing-hyphen";
  if (id.includes("--")) return "double-hyphen";
  return undefined;
}

/** A manual snapshot id, or an automated one (`rds:` + id). */
export function sourceIdentifierProblem(id: string): IdentifierProblem | undefined {
  if (id.toLowerCase().startsWith(AUTOMATED_PREFIX)) {
    if (id.length > MAX_AUTOMATED_IDENTIFIER_LENGTH) return "too-long";
    return identifierProblem(id.slice(AUTOMATED_PREFIX.length), MAX_AUTOMATED_IDENTIFIER_LENGTH);
  }
  return identifierProblem(id);
}

export const IDENTIFIER_PROBLEM_TEXT: Record<IdentifierProblem, string> = {
  empty: "is empty",
  "too-long": "is longer than 63 characters",
  "first-not-letter": "does not start with a letter",
  "bad-character": "contains a character other than letters, digits and hyphens",
  "trailing-hyphen": "ends with a hyphen",
  "double-hyphen": "contains two consecutive hyphens",
};
