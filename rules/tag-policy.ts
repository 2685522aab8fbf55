import { defineRule, type RuleContext } from "../src/engine/rule.js";
import { tagsOf } from "../src/model/view.js";
import { showTagText, tagTextProblem } from "./tag-format.js";
import { compileLinear, type LinearRegExp } from "../src/engine/regex.js";

export interface TagPolicyOptions {
  required: string[];
  patterns: Record<string, string>;
  allowed?: string[];
  caseSensitive: boolean;
}

/** A tag the subject will carry, with where to point at it. */
interface CarriedTag {
  key: string;
  value?: string;
  /** The tag has a `Value` that is not a string: a schema matter, so its value is not judged. */
  valueInvalid: boolean;
  keyPointer: string;
  /** `/Tags/i/Value`, or `/Tags/i` when the tag has no Value member, or `/CopyTags` for copied tags. */
  valuePointer: string;
}

/**
 * The tags the subject will carry: written in the subject (`Tags` / `TagList`), copied from the source
 * (`CopyTags`), or none. `listPointer` is where a missing required tag is reported.
 */
interface Carried {
  origin: "subject" | "source" | "none";
  tags: CarriedTag[];
  listPointer: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The tags the subject will carry, or undefined when the rule must stay quiet (having said why, if at all). */
function carriedTags(context: RuleContext<TagPolicyOptions>): Carried | undefined {
  const { request, snapshot, facts } = context;
  const tags = tagsOf(context);
  if (tags === undefined) return undefined;
  const raw = request ? request.members.Tags : snapshot?.snapshot.TagList;
  const fromSubject = (): Carried => ({
    origin: "subject",
    listPointer: tags.pointer,
    tags: tags.entries.map(({ index, key, value }) => {
      const element = Array.isArray(raw) ? raw[index] : undefined;
      const hasValue = isRecord(element) && "Value" in element;
      return { key, value, valueInvalid: hasValue && value === undefined, keyPointer: `${tags.pointer}/${index}/Key`, valuePointer: `${tags.pointer}/${index}${hasValue ? "/Value" : ""}` };
    }),
  });

  if (snapshot !== undefined) {
    if (!snapshot.isObject) return undefined;
    if (tags.present) return fromSubject();
    // A TagList that is not an array is a schema matter; an absent one means the tags were not gathered.
    if (!("TagList" in snapshot.snapshot)) context.report({ pointer: "", messageId: "tagsNotGathered" });
    return undefined;
  }
  if (request === undefined || !request.isObject) return undefined;
  // Members of the wrong type are request-schema's business.
  if ("Tags" in request.members && !tags.present) return undefined;
  if (tags.count > 0) return fromSubject();
  if ("CopyTags" in request.members && request.copyTags === undefined) return undefined;
  if (request.copyTags !== true) return { origin: "none", tags: [], listPointer: tags.present ? tags.pointer : "" };

  const source = facts.sourceSnapshot;
  if (source === undefined) {
    context.unverified("sourceSnapshot", "the tags the copy would take from the source snapshot (CopyTags) against the tag policy");
    return undefined;
  }
  if (source === null) return undefined; // source-snapshot reports a missing source
  if (!Array.isArray(source.TagList)) {
    context.unverified("sourceSnapshot", "the tags the copy would take from the source snapshot (CopyTags): its facts carry no TagList");
    return undefined;
  }
  const copied: CarriedTag[] = [];
  for (const tag of source.TagList as unknown[]) {
    if (!isRecord(tag) || typeof tag.Key !== "string") continue;
    copied.push({
      key: tag.Key,
      value: typeof tag.Value === "string" ? tag.Value : undefined,
      valueInvalid: "Value" in tag && typeof tag.Value !== "string",
      keyPointer: "/CopyTags",
      valuePointer: "/CopyTags",
    });
  }
  return { origin: "source", tags: copied, listPointer: "/CopyTags" };
}

export default defineRule<TagPolicyOptions>({
  id: "tag-policy",
  summary: "The tags a copy will carry, or a snapshot carries, must follow the configured tag policy",
  description: [
    "Enforces an organisation's tagging policy on the tags a copy **will carry**, or a snapshot carries:",
    "",
    "- `required`: each of these keys must be present;",
    "- `patterns`: for each key, a tag with that key must have a value matching the regular expression (a tag",
    "  with that key and no value fails); keys absent from the tags are left to `required`;",
    "- `allowed`: when given, only these keys may be used (list the `required` keys here too);",
    "- `caseSensitive` (default `true`): when `false`, keys are compared without case in all three.",
    "",
    "The patterns are regular expressions, **not anchored** (as JSON Schema's `pattern`), so write `^cc-[0-9]{4}$`",
    "to match the whole value. They run on a linear-time engine (RE2's syntax, through re2js), so no pattern can",
    "stall a run: the usual ECMAScript syntax works (classes, `\\p{L}`, `{n,m}` up to 1000, named groups), but",
    "lookahead, lookbehind and backreferences do not. A pattern that is invalid or needs them is a config error",
    "(exit 2) naming the pattern, when the config or `--rule` is read. (Called as a library without that check,",
    "such a pattern is reported on every subject, at the subject itself, message id `invalidPattern`.)",
    "",
    "For a copy request, the tags the copy will carry are, as CopyDBClusterSnapshot applies them:",
    "",
    "1. the request's `Tags`, when it has at least one element (even with `CopyTags: true`);",
    "2. otherwise, with `CopyTags: true`, the source snapshot's tags, read from the `TagList` of the source in",
    "   the facts (`--inventory` or `--live`). Without facts about the source, or with facts that carry no",
    "   `TagList`, the rule gives its *unverified* warning; a source the facts show missing is",
    "   `source-snapshot`'s business. Findings about copied tags point at `/CopyTags`;",
    "3. otherwise none at all.",
    "",
    "Where findings point: a missing required key at the tag list (`/Tags`, `/TagList`) when there is one,",
    "at `/CopyTags` when the tags come from the source, else at the request itself; a value that does not",
    "match at `/Tags/i/Value` (at `/Tags/i` when the tag has no `Value`); a key not allowed at `/Tags/i/Key`.",
    "",
    "A snapshot without `TagList` (a plain describe-db-cluster-snapshots output: the tags come from",
    "list-tags-for-resource) cannot be judged; with a non-empty policy that is reported once, at the",
    "snapshot (message id `tagsNotGathered`), rather than as every required tag missing.",
    "",
    "One defect, one finding: a tag is reported once even when several patterns apply to it; keys and values",
    "that `tag-format` rejects are left to it; a `Tags`, `TagList`, `CopyTags` or `Value` of the wrong type is",
    "`request-schema`'s business.",
  ].join("\n"),
  subjects: ["request", "snapshot"],
  recommended: "off",
  configExample: '[error, { required: [Owner, CostCenter], patterns: { CostCenter: "^cc-[0-9]{4}$" } }]',
  category: "tags",
  needs: ["sourceSnapshot"],
  options: {
    type: "object",
    properties: {
      required: {
        type: "array",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
        description: "Tag keys that must be present",
      },
      patterns: {
        type: "object",
        additionalProperties: { type: "string" },
        description: "Tag key → regular expression (RE2 syntax: no lookaround or backreferences; not anchored) the tag's value must match when the tag is present",
      },
      allowed: {
        type: "array",
        items: { type: "string", minLength: 1 },
        uniqueItems: true,
        description: "When given, the only tag keys that may be used",
      },
      caseSensitive: { type: "boolean", description: "`false` compares tag keys without case" },
    },
    additionalProperties: false,
  },
  defaults: { required: [], patterns: {}, caseSensitive: true },
  messages: {
    missing: "The tag policy requires the tag {{key}}, which is missing: add it to Tags.",
    missingNoTags:
      "The copy will carry no tags, but the tag policy requires the tag {{key}}: add it to Tags, or set CopyTags: true " +
      "to copy the source snapshot's tags.",
    missingFromSource:
      "The copy takes its tags from the source snapshot (CopyTags: true), which has no tag {{key}}, required by the " +
      "tag policy: tag the source, or list every tag the copy needs in Tags.",
    snapshotMissing:
      "The snapshot has no tag {{key}}, which the tag policy requires: tag it (aws neptune add-tags-to-resource).",
    pattern: "The value {{value}} of tag {{key}} does not match {{pattern}}, as the tag policy requires: change the value.",
    noValue: "The tag {{key}} has no value, but the tag policy requires one matching {{pattern}}: give it a value.",
    sourcePattern:
      "The source snapshot's tag {{key}}, copied by CopyTags, has the value {{value}}, which does not match {{pattern}} " +
      "as the tag policy requires: fix the source's tag, or list every tag the copy needs in Tags.",
    sourceNoValue:
      "The source snapshot's tag {{key}}, copied by CopyTags, has no value, but the tag policy requires one matching " +
      "{{pattern}}: fix the source's tag, or list every tag the copy needs in Tags.",
    notAllowed: "The tag key {{key}} is not allowed by the tag policy (allowed: {{allowed}}): remove or rename the tag.",
    sourceNotAllowed:
      "The source snapshot's tag {{key}}, copied by CopyTags, is not allowed by the tag policy (allowed: {{allowed}}): " +
      "remove it from the source, or list every tag the copy needs in Tags.",
    invalidPattern:
      "The tag policy's pattern for {{key}}, {{pattern}}, {{error}}: fix the option " +
      "`patterns`; until then values of {{key}} are not checked.",
    tagsNotGathered:
      "The snapshot has no TagList, so its tags cannot be checked against the tag policy: include TagList in the " +
      "inventory (export does), or use --live.",
  },
  docs: [
    { title: "Neptune User Guide: Tagging Amazon Neptune resources", url: "https://docs.aws.amazon.com/neptune/latest/userguide/tagging.html" },
    {
      title: "Neptune API: CopyDBClusterSnapshot (CopyTags, Tags)",
      url: "https://docs.aws.amazon.com/neptune/latest/apiref/API_CopyDBClusterSnapshot.html",
    },
  ],
  checkOptions(options) {
    for (const [key, pattern] of Object.entries(options.patterns ?? {})) {
      const problem = compileLinear(pattern);
      if (typeof problem === "string") return { pointer: `/patterns/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, message: `the pattern ${JSON.stringify(pattern)} for ${JSON.stringify(key)} ${problem}` };
    }
    return undefined;
  },
  check(context) {
    const { required, patterns, allowed, caseSensitive } = context.options;
    const patternEntries = Object.entries(patterns ?? {});
    if ((required ?? []).length === 0 && patternEntries.length === 0 && allowed === undefined) return;
    if (!(context.request?.isObject ?? context.snapshot?.isObject)) return;
    const fold = (key: string) => (caseSensitive === false ? key.toLowerCase() : key);

    const checks: { key: string; pattern: string; re: LinearRegExp }[] = [];
    for (const [key, pattern] of patternEntries) {
      const re = compileLinear(pattern);
      if (typeof re === "string") {
        context.report({ pointer: "", messageId: "invalidPattern", data: { key: JSON.stringify(key), pattern: JSON.stringify(pattern), error: re } });
      } else {
        checks.push({ key: fold(key), pattern, re });
      }
    }

    const carried = carriedTags(context);
    if (carried === undefined) return;
    const fromSource = carried.origin === "source";

    const present = new Set(carried.tags.map((t) => fold(t.key)));
    const missingId =
      fromSource ? "missingFromSource" : carried.origin === "none" ? "missingNoTags" : context.snapshot ? "snapshotMissing" : "missing";
    const said = new Set<string>();
    for (const key of required ?? []) {
      const folded = fold(key);
      if (present.has(folded) || said.has(folded)) continue;
      said.add(folded);
      context.report({ pointer: carried.listPointer, messageId: missingId, data: { key: JSON.stringify(key) } });
    }

    const allowedSet = allowed === undefined ? undefined : new Set(allowed.map(fold));
    const allowedText = (allowed ?? []).map((k) => JSON.stringify(k)).join(", ") || "none";
    for (const tag of carried.tags) {
      const key = showTagText(tag.key);
      // Keys and values tag-format rejects are its business (copied tags exist, so AWS accepted them).
      const keyMalformed = !fromSource && tagTextProblem(tag.key, "key") !== undefined;
      const valueMalformed = !fromSource && tag.value !== undefined && tagTextProblem(tag.value, "value") !== undefined;
      if (allowedSet !== undefined && !allowedSet.has(fold(tag.key))) {
        if (!keyMalformed) {
          context.report({ pointer: tag.keyPointer, messageId: fromSource ? "sourceNotAllowed" : "notAllowed", data: { key, allowed: allowedText } });
        }
        continue;
      }
      const failed = checks.find((c) => c.key === fold(tag.key) && (tag.value === undefined || !c.re.test(tag.value)));
      if (failed === undefined || valueMalformed || tag.valueInvalid) continue;
      const pattern = JSON.stringify(failed.pattern);
      if (tag.value === undefined) {
        context.report({ pointer: tag.valuePointer, messageId: fromSource ? "sourceNoValue" : "noValue", data: { key, pattern } });
      } else {
        context.report({
          pointer: tag.valuePointer,
          messageId: fromSource ? "sourcePattern" : "pattern",
          data: { key, pattern, value: showTagText(tag.value) },
        });
      }
    }
  },
});
