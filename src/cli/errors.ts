// Errors that end a run with exit code 2 and a short message, never a stack trace.
export class UsageError extends Error {}

/** Exit codes, as ESLint uses them. */
export const EXIT = { ok: 0, findings: 1, fatal: 2 } as const;
