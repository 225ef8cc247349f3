#!/usr/bin/env bash
# Installs the system packages the tests and the demo need (Debian or Ubuntu), only those
# that are missing. As root it installs them; otherwise it says exactly what to install.
set -euo pipefail
pkgs=(kamailio kamailio-websocket-modules sip-tester chromium zip)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
((${#missing[@]})) || exit 0
if ! command -v apt-get >/dev/null; then
  echo "Missing: ${missing[*]}. Install Kamailio (with its websocket module), SIPp, Chromium and zip." >&2
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  echo "Missing: ${missing[*]}. Run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
echo "Installing ${missing[*]} ..."
apt-get -o DPkg::Lock::Timeout=300 update -qq
apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
