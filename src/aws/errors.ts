// SDK errors → one clear line (AwsError) that says what to do about it. The IAM action is named from
// the command that was sent, since AWS's own message does not always name it (KMS and the Tagging
// API often do not). Messages never carry secrets: AWS's text is quoted only for errors that cannot
// echo a signed request, and even then redacted.
import { AwsError } from "./types.js";

interface SdkError {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $retryable?: { throttling?: boolean };
}

/** IAM service prefix of each SDK client (Neptune's control plane is RDS's). */
export type ServicePrefix = "rds" | "kms" | "sts" | "tag";

const SERVICE_NAME: Record<string, string> = { rds: "Neptune", kms: "KMS", sts: "STS", tag: "The Resource Groups Tagging API" };

/** Query protocol (RDS, STS), JSON protocol (KMS, Tagging API) and EC2-style spellings. */
const ACCESS_DENIED = new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError", "NotAuthorized"]);
/** The request reached AWS but its credentials were refused. */
const BAD_TOKEN = new Set([
  "ExpiredToken",
  "ExpiredTokenException",
  "RequestExpired",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "InvalidAccessKeyId",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "MissingAuthenticationToken",
  // The SSO portal's answer when the cached SSO session is no longer valid.
  "UnauthorizedException",
]);
/** No credentials could be resolved on this machine (nothing was sent). */
const NO_CREDENTIALS = new Set(["CredentialsProviderError", "TokenProviderError"]);
/** @smithy/core's THROTTLING_ERROR_CODES: what the SDK's retry strategy treats as throttling. */
const THROTTLED = new Set([
  "BandwidthLimitExceeded",
  "EC2ThrottledException",
  "LimitExceededException",
  "PriorRequestNotComplete",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "ThrottledException",
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "TransactionInProgressException",
]);
/** Node's socket errors: no such host (a region without the service), nothing listening, cut off. */
const UNREACHABLE = new Set(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "TimeoutError"]);
/** No answer in time: the connect or read timeout of the client, or a socket timing out. */
const TIMED_OUT = new Set(["TimeoutError", "ETIMEDOUT", "RequestTimeout", "RequestTimeoutException"]);

/** Kinds of AwsError that no retry can cure: the run must stop starting anything. */
const FATAL_KINDS = new Set(["AccessDenied", "ExpiredToken", "NoCredentials"]);
/** Kinds that may pass: throttling, AWS's own 5xx, no answer in time, a connection cut. */
const TRANSIENT_KINDS = new Set(["Throttled", "Timeout", "ServerError", "Unreachable", "NoNeptune"]);

/** Whether the error says the caller may not act at all (access refused, credentials missing or expired). */
export function isFatal(error: unknown): boolean {
  return error instanceof AwsError && FATAL_KINDS.has(error.kind);
}

/** Whether trying again later may succeed (SPEC §6: throttling, 5xx, timeouts). */
export function isTransient(error: unknown): boolean {
  return error instanceof AwsError && TRANSIENT_KINDS.has(error.kind);
}

/** `DescribeDBClusterSnapshots` from a `DescribeDBClusterSnapshotsCommand` (the SDK is never minified). */
export function operationOf(command: object): string {
  return command.constructor.name.replace(/Command$/, "");
}

/** `rds:DescribeDBClusterSnapshots` from the service prefix and the operation sent. */
export function iamAction(service: string, operation: string): string {
  return `${service}:${operation}`;
}

/** The error's code as the SDK names it: `name` for service errors, `code` for Node's socket errors. */
export function errorName(error: unknown): string {
  const e = (error ?? {}) as SdkError;
  if (typeof e.code === "string" && UNREACHABLE.has(e.code)) return e.code;
  return e.name ?? e.code ?? "Error";
}

/** AWS's message cut to one line, without anything shaped like an access key id or a secret. */
export function redact(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? "";
  const clean = line
    .replace(/\b(?:AKIA|ASIA|AIDA|AROA|ABIA|ACCA)[A-Z0-9]{12,}\b/g, "[redacted]")
    // Secret keys and session tokens are long mixed-case base64; identifiers are lowercase.
    .replace(/[A-Za-z0-9+/=]{40,}/g, (run) => (/[a-z]/.test(run) && /[A-Z]/.test(run) ? "[redacted]" : run));
  return clean.length > 300 ? `${clean.slice(0, 297)}...` : clean;
}

const FIX_CREDENTIALS = "sign in again (e.g. `aws sso login`), or choose a profile with --profile";

export function toAwsError(error: unknown, service: string, operation: string, region: string): AwsError {
  if (error instanceof AwsError) return error;
  const e = (error ?? {}) as SdkError;
  const name = errorName(error);
  const action = iamAction(service, operation);
  const status = e.$metadata?.httpStatusCode;

  if (BAD_TOKEN.has(name)) {
    return new AwsError(`AWS credentials are missing, invalid or expired (${name} on ${action} in ${region}): ${FIX_CREDENTIALS}.`, "ExpiredToken", action);
  }
  if (NO_CREDENTIALS.has(name) || /Could not load credentials/i.test(e.message ?? "")) {
    // The provider chain's own words ("Profile x could not be found", "The SSO session … has
    // expired") are written by the SDK on this machine and say which source failed.
    const why = e.message ? `: ${redact(e.message)}` : "";
    return new AwsError(`AWS credentials are missing, invalid or expired (${name}${why}): ${FIX_CREDENTIALS}.`, "NoCredentials");
  }
  // A 403 without a code we know is still a refusal (some front ends answer without a body).
  if (ACCESS_DENIED.has(name) || (status === 403 && !name.endsWith("Fault"))) {
    return new AwsError(`AWS refused ${action} in ${region} (AccessDenied): allow that action to the caller (see docs/iam.md).`, "AccessDenied", action);
  }
  if (THROTTLED.has(name) || status === 429 || e.$retryable?.throttling === true) {
    const attempts = e.$metadata?.attempts ? ` after ${e.$metadata.attempts} attempts` : " after retries";
    return new AwsError(`AWS kept throttling ${action} in ${region}${attempts} (${name}): lower --concurrency or try again later.`, "Throttled", action);
  }
  if (TIMED_OUT.has(name) || (e.code === "ETIMEDOUT" && name !== "ECONNREFUSED")) {
    return new AwsError(`${action} in ${region} got no answer in time (${name}): the endpoint is slow or not answering; --connect-timeout and --read-timeout set the limits.`, "Timeout", action);
  }
  if (UNREACHABLE.has(name) || /getaddrinfo|ECONNREFUSED|ENOTFOUND/.test(e.message ?? "")) {
    const what = SERVICE_NAME[service] ?? service;
    return new AwsError(`${what} is not available in ${region} or the endpoint cannot be reached (${name} on ${action}).`, service === "rds" ? "NoNeptune" : "Unreachable", action);
  }
  const detail = e.message ? `: ${redact(e.message)}` : "";
  const kind = status !== undefined && status >= 500 ? "ServerError" : "ServiceError";
  return new AwsError(`${action} in ${region} failed: ${name}${detail}${status ? ` (HTTP ${status})` : ""}`, kind, action);
}
