// Declarative rules from the config: the subject must satisfy a JSON Schema. Compiled with ajv at
// run time (only when a config has custom rules, so this module is loaded lazily).
import { Ajv, type ValidateFunction } from "ajv";
import type { CustomRuleSpec } from "../model/policy.js";
import { NO_OPTIONS, defineRule, type Rule } from "./rule.js";

let ajv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

export function compileCustomSchema(schema: Record<string, unknown>): { validate?: ValidateFunction; problem?: string } {
  const cached = compiled.get(schema);
  if (cached) return { validate: cached };
  ajv ??= new Ajv({ allErrors: false, strict: false });
  try {
    const validate = ajv.compile(schema);
    compiled.set(schema, validate);
    return { validate };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

export function customRule(spec: CustomRuleSpec): Rule {
  const { validate } = compileCustomSchema(spec.schema);
  if (validate === undefined) throw new Error(`custom rule ${spec.id} was not validated before use`);
  return defineRule({
    id: spec.id,
    summary: spec.message,
    description: spec.description ?? `Custom rule from the config: the ${spec.subjects.join(" or ")} must satisfy a JSON Schema.`,
    subjects: spec.subjects,
    recommended: spec.severity ?? "error",
    needs: [],
    options: NO_OPTIONS,
    // The user's text goes in as data, so braces in it are printed, never read as placeholders.
    messages: { failed: "{{message}}" },
    check({ subject, report }) {
      if (validate(subject.value)) return;
      // The schema's first complaint says where; the config's message says what.
      report({ pointer: validate.errors?.[0]?.instancePath ?? "", messageId: "failed", data: { message: spec.message } });
    },
  });
}
