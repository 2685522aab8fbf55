// Declarative rules from the config: the subject must satisfy a JSON Schema. Compiled with ajv at
// run time (only when a config has custom rules, so this module is loaded lazily).
import { Ajv, type ValidateFunction } from "ajv";
import type { CustomRuleSpec } from "../model/policy.js";
import { NO_OPTIONS, defineRule, type Rule } from "./rule.js";
import { compileLinear } from "./regex.js";
import { InputError } from "../input/read.js";
import { endlessRef } from "./schema-loops.js";

let ajv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();
/** What ajv would have logged while compiling (e.g. `unknown format "x" ignored`): a problem, not a stderr line. */
const logged: string[] = [];

/** JSON Schema `pattern`s run on the linear-time engine (see regex.ts); one that cannot is a compile error. */
const linearEngine = Object.assign(
  (pattern: string) => {
    const re = compileLinear(pattern);
    if (typeof re === "string") throw new Error(`pattern ${JSON.stringify(pattern)} ${re}`);
    return re;
  },
  { code: "compileLinear" },
);

function instance(): Ajv {
  const log = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
  ajv ??= new Ajv({ allErrors: false, strict: false, code: { regExp: linearEngine }, logger: { log() {}, warn: log, error: log } });
  return ajv;
}

export function compileCustomSchema(schema: Record<string, unknown>): { validate?: ValidateFunction; problem?: string } {
  const cached = compiled.get(schema);
  if (cached) return { validate: cached };
  const loop = endlessRef(schema);
  if (loop !== undefined) return { problem: `the $ref at ${loop} leads back to itself without descending into the value, so checking any value would never end` };
  logged.length = 0;
  try {
    const validate = instance().compile(schema);
    if (logged.length > 0) return { problem: logged[0]!.replace(/ ignored in schema/, " in schema").concat(" (custom rules know no formats: use pattern)") };
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
      let valid: boolean;
      try {
        valid = validate(subject.value) as boolean;
      } catch (error) {
        // A loop endlessRef cannot see (a `$ref` by `$id`): a clear exit 2, not a stack overflow.
        if (error instanceof RangeError) throw new InputError(`custom rule ${spec.id}: its schema recursed without end on ${subject.file} (a $ref that leads back to itself?)`);
        throw error;
      }
      if (valid) return;
      // The schema's first complaint says where; the config's message says what.
      report({ pointer: validate.errors?.[0]?.instancePath ?? "", messageId: "failed", data: { message: spec.message } });
    },
  });
}
