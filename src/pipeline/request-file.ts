// One request file's text → located subjects: a request, an array of requests or a copy plan, or a
// Terraform plan's snapshot copies and Neptune snapshots. Or why the file is skipped or unreadable.
import { destinationOf } from "../config/destination.js";
import type { FileSettings } from "../config/resolve.js";
import type { ParsedDocument } from "../input/document.js";
import { InputError, parseText, syntaxOf, type Syntax } from "../input/read.js";
import { looksLikeRequests, mayHoldRequests, requestSubjects } from "../input/subjects.js";
import { isTerraformPlan, terraformSubjects } from "../input/terraform.js";
import type { InputProblem, Subject } from "../model/types.js";
import type { Located } from "./check.js";
import { cachedLocator } from "./locate.js";

/** What the command line and the run add to a file's own statement of its destination. */
export interface DestinationDefaults {
  cli: { region?: string; account?: string };
  env: NodeJS.ProcessEnv;
  callerAccount?: string;
}

export type FileSubjects =
  | { kind: "skipped" }
  | { kind: "error"; error: InputProblem }
  | { kind: "ok"; doc: ParsedDocument; syntax: Syntax; located: Located[] };

export interface FileInput {
  /** Absolute path (its settings, its syntax). */
  path: string;
  /** As results show it. */
  file: string;
  text: string;
  /** Named on the command line: linted whatever it looks like. */
  explicit: boolean;
  /** A Terraform plan is refused (copy: Terraform makes those copies itself). */
  refusePlans?: boolean;
  /** The folder walked to find it, or the working directory for a named file: --fix writes through a link only to a file inside it. */
  root?: string;
}

function requestId(value: unknown, member: string): string | null {
  const id = (value as Record<string, unknown> | null)?.[member];
  return typeof id === "string" ? id : null;
}

function terraformLocated(input: FileInput, doc: ParsedDocument, settings: FileSettings, defaults: DestinationDefaults): Located[] {
  const locate = cachedLocator((pointer, target) => doc.locate(pointer, target));
  return terraformSubjects(doc.value as Record<string, unknown>).map((tf) => {
    // A plan says where Terraform makes each copy, or that it cannot be known: never a fallback.
    const { region, account } = destinationOf({ file: { region: tf.region ?? null }, ...defaults, config: settings });
    const subject: Subject = {
      kind: tf.kind,
      file: input.file,
      index: tf.index,
      pointer: tf.pointer,
      value: tf.value,
      region,
      account,
      mapPointer: tf.mapPointer,
      unknown: tf.unknown,
      inexpressible: tf.inexpressible,
      address: tf.address,
      ...(tf.regionProblem !== undefined ? { regionProblem: tf.regionProblem } : {}),
      ...(tf.changed !== undefined ? { changed: tf.changed } : {}),
      ...(tf.replacesExisting ? { replacesExisting: true } : {}),
    };
    const id = requestId(tf.value, tf.kind === "request" ? "TargetDBClusterSnapshotIdentifier" : "DBClusterSnapshotIdentifier");
    return { subject, id, rules: settings.rules, locate };
  });
}

/** Parse a file's text and split it into subjects; never throws for what is wrong with the file. */
export async function fileSubjects(input: FileInput, settings: FileSettings, defaults: DestinationDefaults): Promise<FileSubjects> {
  const syntax = syntaxOf(input.path) ?? "yaml";
  if (!input.explicit && !mayHoldRequests(input.text)) return { kind: "skipped" };
  try {
    const doc = await parseText(input.text, syntax);
    if (isTerraformPlan(doc.value)) {
      if (input.refusePlans) {
        return { kind: "error", error: { file: input.file, message: `${input.file} is a Terraform plan: terraform apply makes its copies, in the regions its providers set; copy acts on request files only` } };
      }
      const located = terraformLocated(input, doc, settings, defaults);
      if (located.length === 0 && !input.explicit) return { kind: "skipped" };
      return { kind: "ok", doc, syntax: "json", located };
    }
    if (!input.explicit && !looksLikeRequests(doc.value)) return { kind: "skipped" };
    const parts = requestSubjects(doc);
    const { region, account } = destinationOf({ file: parts.plan, ...defaults, config: settings });
    const locate = cachedLocator((pointer, target) => doc.locate(pointer, target));
    const located = parts.subjects.map((raw): Located => ({
      subject: { kind: "request", file: input.file, index: raw.index, pointer: raw.pointer, value: raw.value, region, account, duplicates: raw.duplicates },
      id: requestId(raw.value, "TargetDBClusterSnapshotIdentifier"),
      rules: settings.rules,
      locate,
    }));
    return { kind: "ok", doc, syntax, located };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { kind: "error", error: { file: input.file, message: error.message, line: error.line, column: error.column } };
  }
}
