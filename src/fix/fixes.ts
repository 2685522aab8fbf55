// The fixes `lint --fix` makes: only the safe and unambiguous ones, each tied to the finding it fixes.
//   presigned-url        remove PreSignedUrl (the SDK derives it)
//   tag-duplicate        remove a tag that repeats an earlier one exactly (same key and value)
//   copy-tags            set CopyTags to the policy's value
//   kms-key-required     set KmsKeyId to the config's remediation.kmsKeys key for the destination region
import type { RemediationSettings } from "../config/load.js";
import type { ParsedDocument } from "../input/document.js";
import type { Subject, SubjectResult } from "../model/types.js";
import { addMember, removeEntry, replaceValue, valueText, type Edit, type Syntax } from "./edits.js";

function tagOf(value: unknown): { Key?: unknown; Value?: unknown } {
  return typeof value === "object" && value !== null ? (value as { Key?: unknown; Value?: unknown }) : {};
}

export function fixesFor(text: string, doc: ParsedDocument, syntax: Syntax, subject: Subject, result: SubjectResult, remediation: RemediationSettings | undefined): Edit[] {
  const request = subject.value;
  if (typeof request !== "object" || request === null || Array.isArray(request)) return [];
  const members = request as Record<string, unknown>;
  const edits: Edit[] = [];
  const base = subject.pointer;
  // A repeated member is ambiguous (duplicate-key asks a person to choose): fixes leave it alone.
  const repeated = new Set((subject.duplicates ?? []).map((d) => d.pointer));
  const touch = (member: string) => !repeated.has(`${base}/${member}`);
  for (const f of result.findings) {
    if (f.ruleId === "presigned-url" && touch("PreSignedUrl")) {
      const span = doc.span(`${base}/PreSignedUrl`);
      if (span) edits.push(removeEntry(text, span, syntax));
    } else if (f.ruleId === "tag-duplicate" && touch("Tags")) {
      const m = /\/Tags\/(\d+)\/Key$/.exec(f.pointer);
      const tags = Array.isArray(members.Tags) ? members.Tags : [];
      const i = m ? Number(m[1]) : -1;
      const tag = tagOf(tags[i]);
      // Only an exact repeat is safe to drop: two values for one key need a person to choose.
      const exact = i > 0 && tags.slice(0, i).some((t) => tagOf(t).Key === tag.Key && tagOf(t).Value === tag.Value);
      const span = exact ? doc.span(`${base}/Tags/${i}`) : undefined;
      if (span) edits.push(removeEntry(text, span, syntax));
    } else if (f.ruleId === "copy-tags" && touch("CopyTags")) {
      const wanted = f.messageId !== "notFalse";
      // With tags of its own, CopyTags: true is ignored by AWS (copy-tags-ignored): which to keep is a choice.
      if (wanted && Array.isArray(members.Tags) && members.Tags.length > 0) continue;
      if (f.messageId === "missing") {
        const edit = addMember(text, doc, base, members, "CopyTags", wanted, syntax);
        if (edit) edits.push(edit);
      } else {
        const span = doc.span(`${base}/CopyTags`);
        if (span) edits.push(replaceValue(span, valueText(wanted, syntax)));
      }
    } else if (f.ruleId === "kms-key-required" && f.messageId !== "unverified" && !("KmsKeyId" in members) && touch("KmsKeyId")) {
      const key = subject.region === undefined ? undefined : remediation?.kmsKeys?.[subject.region];
      const edit = key === undefined ? undefined : addMember(text, doc, base, members, "KmsKeyId", key, syntax);
      if (edit) edits.push(edit);
    }
  }
  return edits;
}
