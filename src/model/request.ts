// The members of a CopyDBClusterSnapshot request, as the API and `aws neptune copy-db-cluster-snapshot
// --cli-input-json` take them (SourceRegion is the CLI's and boto3's, not the API's).
export const REQUEST_MEMBERS = [
  "SourceDBClusterSnapshotIdentifier",
  "TargetDBClusterSnapshotIdentifier",
  "KmsKeyId",
  "PreSignedUrl",
  "CopyTags",
  "Tags",
  "SourceRegion",
] as const;
