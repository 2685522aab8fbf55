// SDK errors → one clear line (AwsError), naming the IAM action refused. Never includes secrets.
import { AwsError } from "./types.js";

interface SdkError {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
}

const ACCESS_DENIED = new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError"]);
const BAD_CREDENTIALS = new Set([
  "ExpiredToken",
  "ExpiredTokenException",
  "RequestExpired",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "CredentialsProviderError",
  "TokenProviderError",
]);
const THROTTLED = new Set(["Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException", "RequestLimitExceeded", "LimitExceededException"]);
const UNREACHABLE = new Set(["ENOTFOUND", "ECONNREFUSED", "EAI_AGAIN", "ECONNRESET", "ETIMEDOUT", "UnknownEndpoint"]);

const SERVICE_NAME: Record<string, string> = { rds: "Neptune", kms: "KMS", tag: "The Resource Groups Tagging API", sts: "STS" };

/** `rds:DescribeDBClusterSnapshots` from the service prefix and the command sent. */
export function iamAction(service: string, operation: string): string {
  return `${service}:${operation}`;
}

export function toAwsError(error: unknown, service: string, operation: string, region: string): AwsError {
  if (error instanceof AwsError) return error;
  const e = (error ?? {}) as SdkError;
  const name = e.name ?? e.code ?? "Error";
  const action = iamAction(service, operation);
  if (ACCESS_DENIED.has(name) || e.$metadata?.httpStatusCode === 403 && !BAD_CREDENTIALS.has(name)) {
    return new AwsError(`AWS refused ${action} in ${region} (AccessDenied): allow that action to the caller (see docs/iam.md).`, "AccessDenied", action);
  }
  if (BAD_CREDENTIALS.has(name) || /credential|token/i.test(name) || /Could not load credentials/i.test(e.message ?? "")) {
    return new AwsError(
      `AWS credentials are missing, invalid or expired (${name} on ${action} in ${region}): sign in again (e.g. aws sso login), or choose a profile with --profile.`,
      "Credentials",
    );
  }
  if (THROTTLED.has(name)) {
    return new AwsError(`AWS kept throttling ${action} in ${region} after retries (${name}): lower --concurrency or try again later.`, "Throttled", action);
  }
  if (UNREACHABLE.has(name) || UNREACHABLE.has(e.code ?? "") || /getaddrinfo|ECONNREFUSED|ENOTFOUND/.test(e.message ?? "")) {
    const what = SERVICE_NAME[service] ?? service;
    return new AwsError(`${what} is not available in ${region}, or its endpoint cannot be reached (${operation}: ${name}).`, "Unreachable", action);
  }
  const status = e.$metadata?.httpStatusCode;
  return new AwsError(`${action} in ${region} failed: ${name}${e.message ? `: ${e.message}` : ""}${status ? ` (HTTP ${status})` : ""}`, "ServiceError", action);
}
