#!/usr/bin/env bash
# Regenerate fixtures/terraform/<case>/plan.json with real Terraform against a loopback moto server.
#
#   scripts/terraform-fixtures.sh [CASE...]      (default: every case folder)
#
# Needs `terraform` (1.11) and `moto_server` (moto 5.2) on the PATH and the AWS provider as a local
# plugin directory (TF_PLUGIN_DIR, default /opt/tf-plugins): nothing is downloaded. Each case's .tf
# sources are copied into a temporary work dir, so no .terraform dir, lock file or state is ever
# written into the repository. The tests read the committed plan.json files and never need this.
#
# Cases whose plan needs existing state are applied first with `-var stage=1`, then planned with
# `-var stage=2`. Plans after an apply use -refresh=false: moto does not return
# SourceDBClusterSnapshotArn (real AWS does, and provider 5.x's Read stores it as
# source_db_cluster_snapshot_identifier), so a refresh against moto would turn every in-place
# change into a replacement that real AWS would not make.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cases_dir="$root/fixtures/terraform"
plugin_dir=${TF_PLUGIN_DIR:-/opt/tf-plugins}
command -v terraform >/dev/null || { echo "terraform is not on the PATH" >&2; exit 2; }
command -v moto_server >/dev/null || { echo "moto_server is not on the PATH" >&2; exit 2; }
[ -d "$plugin_dir" ] || { echo "no provider plugin dir at $plugin_dir (set TF_PLUGIN_DIR)" >&2; exit 2; }

work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
cleanup() { kill "$moto_pid" 2>/dev/null || true; wait "$moto_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
endpoint="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -fs -o /dev/null "$endpoint/moto-api/" && break; sleep 0.2; done

# Fake credentials and every AWS endpoint at moto; the provider blocks skip the checks moto cannot answer.
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_ENDPOINT_URL="$endpoint"
export TF_IN_AUTOMATION=1 TF_INPUT=0 TF_CLI_CONFIG_FILE=/dev/null CHECKPOINT_DISABLE=1
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_REGION AWS_DEFAULT_REGION

# Every case starts from the same AWS: a Neptune cluster with a manual snapshot in us-east-1, and a
# copy of it (graph-prod-imported) for the import case.
seed() {
  curl -fs -X POST -o /dev/null "$endpoint/moto-api/reset"
  python3 - "$endpoint" <<'PY'
import sys, boto3
rds = boto3.client("rds", region_name="us-east-1", endpoint_url=sys.argv[1])
rds.create_db_cluster(DBClusterIdentifier="graph-prod", Engine="neptune")
rds.create_db_cluster_snapshot(DBClusterIdentifier="graph-prod", DBClusterSnapshotIdentifier="graph-prod-2026-11-30")
rds.copy_db_cluster_snapshot(SourceDBClusterSnapshotIdentifier="graph-prod-2026-11-30", TargetDBClusterSnapshotIdentifier="graph-prod-imported")
PY
}

# How each case is made: "plan [ARGS]" alone, or "apply" (stage 1) then "plan [ARGS]" (stage 2).
steps_of() {
  case "$1" in
    update | replace | delete-forget) echo "apply|plan -refresh=false" ;;
    refresh-only) echo "apply|plan -refresh-only" ;;
    destroy) echo "apply|plan -destroy -refresh=false" ;;
    regions) echo "plan -var dr_region=ap-southeast-2" ;;
    *) echo "plan" ;;
  esac
}

tf() { terraform "$@" -no-color >>"$log" 2>&1 || { echo "terraform $* failed; log:" >&2; tail -40 "$log" >&2; exit 1; }; }

# Files named X.tf.stage1 / X.tf.stage2 are X.tf in that stage only (a removed block cannot live
# beside the resource it removes).
use_stage() {
  local f
  for f in $(find . -name '*.tf.stage*' -not -path './.terraform/*'); do
    case "$f" in *".stage$1") cp "$f" "${f%.stage*}" ;; esac
  done
}

make_case() {
  local name=$1 src="$cases_dir/$1" dir="$work/$1"
  log="$work/$name.log"
  mkdir -p "$dir"
  tar -C "$src" --exclude=.terraform --exclude='*.json' --exclude='*.md' --exclude=plan.out -cf - . | tar -C "$dir" -xf -
  seed
  cd "$dir"
  tf init -plugin-dir="$plugin_dir" -input=false
  IFS='|' read -r -a steps <<<"$(steps_of "$name")"
  for step in "${steps[@]}"; do
    read -r -a words <<<"$step"
    case "${words[0]}" in
      apply) use_stage 1; tf apply -auto-approve -input=false -var stage=1 ;;
      plan)
        use_stage 2
        tf plan -input=false -out=plan.out "${words[@]:1}" $([ ${#steps[@]} -gt 1 ] && echo -var stage=2)
        terraform show -json plan.out >"$src/plan.json"
        ;;
    esac
  done
  cd "$root"
  echo "fixtures/terraform/$name/plan.json"
}

if [ $# -gt 0 ]; then names=("$@"); else
  names=()
  for d in "$cases_dir"/*/; do [ -n "$(ls "$d"*.tf 2>/dev/null)" ] && names+=("$(basename "$d")"); done
fi
for name in "${names[@]}"; do make_case "$name"; done
