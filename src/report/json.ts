// `--format json`: exactly SPEC §5, plus `errors` when some input could not be read. Compact, as
// ESLint's is (pipe it through `jq` to read it), and written result by result as the run goes: it
// keeps nothing (results come first, summary and errors after them).
import type { SubjectResult } from "../model/types.js";
import { collected, type StreamFormatter } from "./types.js";

function result(r: SubjectResult): string {
  return JSON.stringify({
    file: r.file,
    subject: r.subject,
    id: r.id,
    index: r.index,
    region: r.region,
    ...(r.address !== undefined ? { address: r.address } : {}),
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      pointer: f.pointer,
      ...(f.line !== undefined ? { line: f.line, column: f.column } : {}),
    })),
  });
}

export const jsonWriter: StreamFormatter = (context, write) => {
  write(`{"tool":${JSON.stringify({ name: context.toolName, version: context.version })},"results":[`);
  let first = true;
  return {
    result(r) {
      write(first ? result(r) : `,${result(r)}`);
      first = false;
    },
    end(tail) {
      write(`],"summary":${JSON.stringify(tail.summary)}`);
      if (tail.inputErrors.length > 0) {
        const errors = tail.inputErrors.map((e) => ({
          file: e.file,
          message: e.message,
          ...(e.line !== undefined ? { line: e.line, column: e.column } : {}),
          ...(e.pointer !== undefined ? { pointer: e.pointer } : {}),
        }));
        write(`,"errors":${JSON.stringify(errors)}`);
      }
      write("}\n");
    },
  };
};

export const json = collected(jsonWriter);
