// Typed access to the validators that scripts/build.mjs precompiles from schemas/ and rule metadata.
// Those of inputs are always at hand; the policy's and the rules' options (two thirds of the code) are
// loaded by whoever loads a config or rule options, as a plain lint of one file needs neither.
import * as generated from "../generated/validators.js";

export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface Validator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

const g = generated as unknown as Record<string, Validator>;

export const validateCopyRequest: Validator = g.copyRequest!;
export const validateCopyPlan: Validator = g.copyPlan!;
export const validateInventory: Validator = g.inventory!;
export const validateSnapshot: Validator = g.snapshot!;

export interface PolicyValidators {
  validatePolicy: Validator;
  /** Options validator of each built-in rule, by rule id. */
  ruleOptionValidators: Readonly<Record<string, Validator>>;
}

let policy: PolicyValidators | undefined;

export async function loadPolicyValidators(): Promise<void> {
  if (policy !== undefined) return;
  const p = (await import("../generated/policy-validators.js")) as unknown as Record<string, Validator> & { ruleOptions: Record<string, Validator> };
  policy = { validatePolicy: p.policy!, ruleOptionValidators: p.ruleOptions };
}

/** The policy's validators; validating a config or options before loading them is a bug. */
export function policyValidators(): PolicyValidators {
  if (policy === undefined) throw new Error("internal error: a config or rule options were validated before loadPolicyValidators()");
  return policy;
}
