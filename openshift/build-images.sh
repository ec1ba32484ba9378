#!/usr/bin/env bash
# Builds the Plinth container images: `mvn package` once for the whole repository, then one image
# per Liberty server from openshift/Containerfile, tagged ${REGISTRY}/<service>:${TAG}.
#
#   openshift/build-images.sh                     # all eleven images
#   openshift/build-images.sh catalogs identity   # only these
#
# Environment:
#   REGISTRY          image repository prefix            (default quay.io/plinth)
#   TAG               image tag                          (default latest)
#   CONTAINER_ENGINE  podman or docker                   (default: podman if present, else docker)
#   MVN_ARGS          extra Maven arguments, e.g. "-DskipTests"
#   SKIP_MAVEN=1      reuse the existing target/ layouts instead of running Maven
#   PUSH=1            push each image after building it
#   OPENJ9_SCC=false  skip the shared class cache warm-up in the image build
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "${here}/.." && pwd)"
registry="${REGISTRY:-quay.io/plinth}"
tag="${TAG:-latest}"

die() { echo "build-images.sh: $*" >&2; exit 1; }

# The container engine: podman first (the OpenShift tool chain), docker otherwise.
engine="${CONTAINER_ENGINE:-}"
if [ -z "${engine}" ]; then
  if command -v podman >/dev/null 2>&1; then
    engine=podman
  elif command -v docker >/dev/null 2>&1; then
    engine=docker
  else
    die "neither podman nor docker was found on PATH; install one of them (or set CONTAINER_ENGINE)"
  fi
fi
command -v "${engine}" >/dev/null 2>&1 || die "container engine '${engine}' was not found on PATH"

# name -> module directory, from the shared service table.
declare -A module_of=()
all=()
while read -r name module _; do
  case "${name}" in ''|'#'*) continue ;; esac
  module_of["${name}"]="${module}"
  all+=("${name}")
done < "${here}/services.list"

selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${all[@]}")
for name in "${selected[@]}"; do
  [ -n "${module_of[${name}]:-}" ] || die "unknown service '${name}'; known: ${all[*]}"
done

if [ "${SKIP_MAVEN:-0}" != "1" ]; then
  command -v mvn >/dev/null 2>&1 || die "mvn was not found on PATH (or set SKIP_MAVEN=1 to reuse existing builds)"
  echo "==> mvn package (once, for every module)"
  # shellcheck disable=SC2086  # MVN_ARGS is a list of arguments on purpose
  (cd "${root}" && mvn -B -ntp ${MVN_ARGS:-} package)
fi

ignore_args=()
if [ "$(basename "${engine}")" = "podman" ]; then
  # Docker BuildKit finds openshift/Containerfile.dockerignore by itself; podman is told.
  ignore_args=(--ignorefile "${here}/Containerfile.dockerignore")
fi
revision="$(git -C "${root}" rev-parse --short HEAD 2>/dev/null || echo unknown)"

# Every selected server must be laid out before the first image is built.
for name in "${selected[@]}"; do
  layout="${root}/${module_of[${name}]}/target/liberty-usr/servers/${name}"
  for part in server.xml plinth lib apps; do
    [ -e "${layout}/${part}" ] || die "${layout}/${part} is missing: did 'mvn package' lay out the ${name} server?"
  done
done

built=()
for name in "${selected[@]}"; do
  module="${module_of[${name}]}"
  image="${registry}/${name}:${tag}"
  echo "==> ${image} (from ${module})"
  "${engine}" build \
    -f "${here}/Containerfile" \
    ${ignore_args[@]+"${ignore_args[@]}"} \
    --build-arg "SERVICE=${name}" \
    --build-arg "MODULE_DIR=${module}" \
    --build-arg "VERSION=${tag}" \
    --build-arg "REVISION=${revision}" \
    --build-arg "OPENJ9_SCC=${OPENJ9_SCC:-true}" \
    -t "${image}" \
    "${root}"
  if [ "${PUSH:-0}" = "1" ]; then
    "${engine}" push "${image}"
  fi
  built+=("${image}")
done

echo "==> built with ${engine}:"
printf '    %s\n' "${built[@]}"
