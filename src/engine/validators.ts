// Typed access to the validators that scripts/build.mjs precompiles from schemas/ and rule metadata.
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

const g = generated as unknown as Record<string, Validator> & { ruleOptions: Record<string, Validator> };

export const validateCopyRequest: Validator = g.copyRequest!;
export const validateCopyPlan: Validator = g.copyPlan!;
export const validatePolicy: Validator = g.policy!;
export const validateInventory: Validator = g.inventory!;
export const validateSnapshot: Validator = g.snapshot!;
/** Options validator of each built-in rule, by rule id. */
export const ruleOptionValidators: Readonly<Record<string, Validator>> = g.ruleOptions;
