#!/usr/bin/env bash
# The base of every Jineng image, made offline from Debian's own archive (no image registry needed):
#   debootstrap --variant=minbase bookworm, plus tini (PID 1: forwards SIGTERM, reaps children) and
#   ca-certificates, trimmed of docs, manuals, locales and apt's lists, imported with `podman import`.
# The result is cached: ~/.cache/jineng/base/<recipe hash>.tar and the image localhost/jineng-base:<hash>,
# where <hash> is the sha256 of this file (change the recipe, get a new base). Prints the image name.
#   JINENG_CACHE_DIR       cache folder (default ~/.cache/jineng)
#   JINENG_DEBIAN_MIRROR   Debian archive (default: the first URIs of this machine's apt sources)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$here/containers.conf}"
SUITE=bookworm
PACKAGES=tini,ca-certificates
hash="$(sha256sum "${BASH_SOURCE[0]}" | cut -c1-12)"
image="localhost/jineng-base:$hash"
cache="${JINENG_CACHE_DIR:-$HOME/.cache/jineng}/base"
tarball="$cache/$hash.tar"

if podman image exists "$image"; then
  echo "$image"
  exit 0
fi
if [[ ! -s "$tarball" ]]; then
  command -v debootstrap >/dev/null || { echo "debootstrap is missing (apt-get install debootstrap)" >&2; exit 1; }
  mirror="${JINENG_DEBIAN_MIRROR:-}"
  if [[ -z "$mirror" ]]; then
    mirror="$(sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -1 || true)"
    [[ -n "$mirror" ]] || mirror="$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)"
  fi
  [[ -n "$mirror" ]] || { echo "no Debian mirror: set JINENG_DEBIAN_MIRROR" >&2; exit 1; }
  mkdir -p "$cache"
  root="$(mktemp -d "$cache/rootfs.XXXXXX")"
  trap 'rm -rf "$root"' EXIT
  echo "debootstrap --variant=minbase --include=$PACKAGES $SUITE (from $mirror)" >&2
  debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$root" "$mirror" >&2
  rm -rf "$root"/var/cache/apt/* "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* "$root"/usr/share/man/* \
    "$root"/usr/share/info/* "$root"/usr/share/locale/* "$root"/var/log/* "$root"/tmp/* "$root"/root/.[!.]* 2>/dev/null || true
  tar --numeric-owner -C "$root" -cf "$tarball.part" .
  mv "$tarball.part" "$tarball"
fi
podman import --change 'CMD ["/bin/bash"]' "$tarball" "$image" >&2
echo "$image"
