#!/usr/bin/env bash
# Make sure the Debian packages named as arguments are installed.
# As root: installs the missing ones. Otherwise: prints the exact apt-get line and stops.
set -euo pipefail

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "Not a Debian-style system: please make sure these are installed: $*" >&2
    exit 0
fi

missing=()
for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "Our Say needs some Debian packages that are not installed. Install them with:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
fi

echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
