// Shared data types. Everything here is plain data: no behaviour, no AWS SDK types.

export type SubjectKind = "request" | "snapshot";
/** Severity of a finding, as every output format names it. */
export type Severity = "error" | "warning";
/** Severity as a config sets it (ESLint's words). */
export type SeveritySetting = "off" | "warn" | "error";

/** A tag as it appears in a request (`Tags`) or a snapshot (`TagList`). */
export interface Tag {
  Key?: unknown;
  Value?: unknown;
}

/** One DBClusterSnapshot, as `describe-db-cluster-snapshots` returns it, plus what export adds. */
export interface Snapshot {
  DBClusterSnapshotIdentifier?: string;
  DBClusterSnapshotArn?: string;
  DBClusterIdentifier?: string;
  SnapshotCreateTime?: string;
  Engine?: string;
  Status?: string;
  SnapshotType?: string;
  StorageEncrypted?: boolean;
  KmsKeyId?: string;
  SourceDBClusterSnapshotArn?: string;
  PercentProgress?: number;
  TagList?: Tag[];
  DBClusterSnapshotAttributes?: { AttributeName?: string; AttributeValues?: string[] }[];
  [member: string]: unknown;
}

/** KMS DescribeKey KeyMetadata (the members the rules read). */
export interface KeyMetadata {
  KeyId?: string;
  Arn?: string;
  KeyState?: string;
  KeyManager?: string;
  Enabled?: boolean;
  /** Not part of DescribeKey: alias names pointing at the key, when the fact source knows them. */
  Aliases?: string[];
  [member: string]: unknown;
}

/**
 * Facts about one subject. For every fact: `undefined` means nobody gathered it (rules that need
 * it report an *unverified* warning); `null` means it was looked for and does not exist.
 */
export interface Facts {
  sourceSnapshot?: Snapshot | null;
  targetSnapshot?: Snapshot | null;
  /** Key metadata for the request's `KmsKeyId`, or the snapshot's own key. */
  key?: KeyMetadata | null;
  /**
   * Key metadata for the key the request's source snapshot is encrypted with (its `KmsKeyId`): the
   * copy must decrypt the source with it. Gathered only for an encrypted source whose key is named.
   */
  sourceKey?: KeyMetadata | null;
}

export type FactName = keyof Facts;

/** What a rule may need besides the subject itself. */
export type Need = FactName | "destinationRegion" | "destinationAccount" | "shareAttributes";

/** Why a rule could not judge a subject: a need nobody met, or a value known only after apply. */
export type NotRunCause = Need | "afterApply";

/** Where a value came from in its file: 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Absolute JSON pointer in the file (`/copies/0/KmsKeyId`), or within the snapshot for live ones. */
  pointer: string;
  line?: number;
  column?: number;
  /** Stable message id of the rule (ESLint's messageId); `unverified` for missing facts. */
  messageId?: string;
  /** Locate the member name rather than its value (unknown or repeated members). Not printed. */
  target?: "key";
  /** The safe edit the rule proposes for this finding (`lint --fix`), relative to the subject. Not printed. */
  fix?: FixOp;
}

/**
 * A safe edit a rule proposes, as data: pointers relative to the subject. The fix layer turns it
 * into a text edit that keeps the rest of the file as it is.
 */
export type FixOp =
  | { op: "remove"; pointer: string }
  | { op: "replace"; pointer: string; value: string | boolean }
  | { op: "add"; pointer: string; value: string | boolean };

/**
 * What stood in for a value known only after a Terraform apply: present (so never "missing"), of no
 * type a rule accepts (so a rule that reads it reports at its pointer, and that finding becomes a
 * not-run notice because the pointer is in `Subject.unknown`).
 */
export const KNOWN_AFTER_APPLY: Readonly<Record<string, never>> = Object.freeze(Object.create(null) as Record<string, never>);

/** A request or snapshot to be checked, with where it lives. */
export interface Subject {
  kind: SubjectKind;
  /** Path relative to the working directory, the inventory file, or `aws:REGION` for live snapshots. */
  file: string;
  /** Position among the subjects of its file, from 0. */
  index: number;
  /** JSON pointer of the subject inside its file: `` (whole document), `/3`, `/copies/3`. */
  pointer: string;
  /** The subject's value as parsed: may be anything, the schema rule says what is wrong. */
  value: unknown;
  /** Destination region (request) or the snapshot's own region (from its ARN). */
  region?: string;
  /** Destination account (request) or the snapshot's own account (from its ARN). */
  account?: string;
  /** Keys repeated in this subject's part of the file (absolute pointers, the later occurrence). */
  duplicates?: { pointer: string; key: string }[];
  /** For subjects translated from another shape (Terraform plans): a pointer into the subject as an absolute pointer into its file. */
  mapPointer?: (relative: string) => string;
  /**
   * Pointers (relative to the subject) of values known only after a Terraform apply; the producer puts
   * KNOWN_AFTER_APPLY at each of them. A finding at or under one of them is not a finding: the rule is
   * reported as not run for this subject instead.
   */
  unknown?: readonly string[];
  /**
   * For an in-place update: the pointers (relative to the subject) that the change touches. Only
   * findings at or under them are reported, and fact rules about the copy itself are not run.
   */
  changed?: readonly string[];
  /** A Terraform resource address (`module.dr.aws_rds_cluster_snapshot_copy.this["graph"]`). */
  address?: string;
  /**
   * Request members its producer has no way to state (a Terraform copy has no `SourceRegion`
   * argument: the provider presigns by itself). Rules do not ask for them.
   */
  inexpressible?: readonly string[];
  /** Why the producer cannot tell the subject's region (then `region` is undefined): said in the one destination warning. */
  regionProblem?: string;
  /**
   * The snapshot named by the request's target is deleted before the copy is made (a Terraform
   * replacement that destroys first): an existing snapshot with that identifier is no conflict.
   */
  replacesExisting?: boolean;
}

/** The outcome for one subject, as reports print it. */
export interface SubjectResult {
  file: string;
  subject: SubjectKind;
  /** Target identifier (request) or ARN (snapshot); null when the subject has none. */
  id: string | null;
  index: number;
  region: string | null;
  /** Terraform resource address, for subjects read from a plan. */
  address?: string;
  findings: Finding[];
}

/** A file or value that could not be read or understood: the run exits 2. */
export interface InputProblem {
  file: string;
  message: string;
  line?: number;
  column?: number;
  pointer?: string;
}

/** A rule that could not judge some subjects (SPEC §4): said once per rule, never per subject. */
export interface NotRunNotice {
  ruleId: string;
  /** How many subjects it could not judge. */
  subjects: number;
  /** Why, and how to supply what was missing (`no facts: use --inventory FILE or --live`). */
  reason: string;
}

export interface RunSummary {
  files: number;
  skipped: number;
  subjects: number;
  errors: number;
  warnings: number;
  /** Rules not run for some subjects, in rule order; empty when every enabled rule could judge every subject. */
  notRun: NotRunNotice[];
}

export interface RunResult {
  results: SubjectResult[];
  summary: RunSummary;
  inputErrors: InputProblem[];
}
