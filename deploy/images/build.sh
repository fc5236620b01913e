#!/usr/bin/env bash
# Builds the five ALP images offline with podman/buildah (./alp images calls this after building the jars):
#   localhost/alp/base:bookworm      Debian minbase root file system, made here with debootstrap (cached)
#   localhost/alp/runtime:<jdk>      plus a jlink-cut Java runtime from the build JDK (cached per JDK and module set)
#   localhost/alp/<module>:<version> each service and the gateway, in layers (Containerfile.service)
# Reproducible: file times and the image's creation time are the last commit's time, so the same sources give
# the same layers and the same digest. Labelled with OCI annotations (version, revision, source).
# Needs root (debootstrap, podman) and Debian's podman, buildah, runc and debootstrap, installed here if missing.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export CONTAINERS_CONF="$HERE/containers.conf"
: "${JAVA_HOME:?JAVA_HOME must point at the build JDK (21+)}"
MODULES=(provider-registry-service inclusion-panel-service placement-service finance-service notification-service gateway)
# The Java modules the services use (checked by starting each image: a missing module fails at start-up).
JAVA_MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.prefs,java.rmi,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.charsets,\
jdk.crypto.cryptoki,jdk.jfr,jdk.management,jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.security.auth,\
jdk.unsupported,jdk.zipfs

need_tools() {
  local missing=()
  for tool in podman buildah runc debootstrap; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing ${missing[*]} (Debian packages)..."
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q podman buildah runc debootstrap) >/dev/null
}

# The Debian mirror apt already uses (no other host is reachable from these machines).
debian_mirror() {
  local uri
  uri=$(grep -h -m1 -E '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | head -1 || true)
  [ -z "$uri" ] && uri=$(grep -h -m1 -E '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | head -1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

# A tar of DIR whose bytes depend only on the files' contents, names and modes.
stable_tar() {
  tar -C "$1" --sort=name --mtime="@$EPOCH" --owner=0 --group=0 --numeric-owner --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -cf - .
}

image_exists() { podman image exists "$1"; }

build_base() {
  local tag=localhost/alp/base:bookworm
  image_exists "$tag" && return 0
  echo "Making the base root file system (debootstrap --variant=minbase bookworm)..."
  local rootfs; rootfs=$(mktemp -d)
  debootstrap --variant=minbase bookworm "$rootfs" "$(debian_mirror)" >/dev/null
  # Nothing a JVM needs at run time: package caches and lists, documentation, logs, machine identity.
  rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/{doc,man,info,locale}/* \
    "$rootfs"/var/log/* "$rootfs"/var/cache/ldconfig/aux-cache "$rootfs"/etc/machine-id "$rootfs"/tmp/* \
    "$rootfs"/var/lib/dpkg/*-old
  echo "alp:x:10001:10001:ALP service:/nonexistent:/usr/sbin/nologin" >> "$rootfs/etc/passwd"
  echo "alp:x:10001:" >> "$rootfs/etc/group"
  chmod 1777 "$rootfs/tmp"
  stable_tar "$rootfs" | podman import --change 'ENV PATH=/usr/bin:/bin' - "$tag" >/dev/null
  rm -rf "$rootfs"
}

build_runtime() {
  local jdk; jdk=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')
  local modules_hash; modules_hash=$(echo "$JAVA_MODULES" | sha256sum | cut -c1-8)
  RUNTIME="localhost/alp/runtime:${jdk//+/_}-$modules_hash"
  image_exists "$RUNTIME" && return 0
  echo "Cutting a Java runtime with jlink from $JAVA_HOME..."
  local ctx; ctx=$(mktemp -d)
  "$JAVA_HOME/bin/jlink" --add-modules "$JAVA_MODULES" --strip-debug --no-man-pages --no-header-files \
    --compress=zip-6 --output "$ctx/jre"
  podman build -q --timestamp "$EPOCH" --build-arg BASE=localhost/alp/base:bookworm -t "$RUNTIME" \
    -f "$HERE/Containerfile.runtime" "$ctx" >/dev/null
  rm -rf "$ctx"
}

# The fast-jar split in three folders (one per layer): third-party libraries, the platform's jars, the service.
stage() {
  local app="$ROOT/$1/target/quarkus-app" ctx="$2"
  [ -f "$app/quarkus-run.jar" ] || { echo "$1 is not built: run ./alp build" >&2; exit 1; }
  mkdir -p "$ctx"/{deps,platform,service}/lib/main
  cp -r "$app/lib/boot" "$ctx/deps/lib/"
  find "$app/lib/main" -maxdepth 1 -name '*.jar' ! -name 'uk.gov.bristol.alp.*' -exec cp {} "$ctx/deps/lib/main/" \;
  find "$app/lib/main" -maxdepth 1 -name 'uk.gov.bristol.alp.*' -exec cp {} "$ctx/platform/lib/main/" \;
  cp -r "$app/app" "$app/quarkus" "$app/quarkus-run.jar" "$ctx/service/"
}

build_service() {
  local module="$1" ctx; ctx=$(mktemp -d)
  stage "$module" "$ctx"
  local tag="localhost/alp/$module:$VERSION"
  podman build -q --timestamp "$EPOCH" --build-arg RUNTIME="$RUNTIME" \
    --label org.opencontainers.image.title="alp-$module" \
    --label org.opencontainers.image.version="$VERSION" \
    --label org.opencontainers.image.revision="$REVISION" \
    --label org.opencontainers.image.source="$SOURCE" \
    --label org.opencontainers.image.created="$(date -u -d "@$EPOCH" +%Y-%m-%dT%H:%M:%SZ)" \
    --label org.opencontainers.image.vendor="Bristol City Council" \
    -t "$tag" -t "localhost/alp/$module:latest" -f "$HERE/Containerfile.service" "$ctx" >/dev/null
  rm -rf "$ctx"
  printf '%-28s %-52s %8s  %s\n' "$module" "$tag" "$(podman image inspect "$tag" --format '{{.Size}}' | numfmt --to=iec)" \
    "$(podman image inspect "$tag" --format '{{.Digest}}' | cut -c1-19)"
}

need_tools
cd "$ROOT"
EPOCH=$(git log -1 --format=%ct 2>/dev/null || echo 0)
REVISION=$(git rev-parse HEAD 2>/dev/null || echo unknown)
[ -n "$(git status --porcelain -- . ':!deploy' 2>/dev/null)" ] && REVISION="$REVISION-dirty"
SOURCE=$(git config --get remote.origin.url 2>/dev/null || echo "alp-platform")
VERSION=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
build_base
build_runtime
printf '%-28s %-52s %8s  %s\n' module image size digest
for m in "${@:-${MODULES[@]}}"; do build_service "$m"; done
