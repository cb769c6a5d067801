#!/usr/bin/env bash
# Debian packages the tests use: Chromium (browser test), WeasyPrint's libraries (PDF report),
# Virtuoso Open Source (shared SPARQL server test). Idempotent; needs root (as on CI).
set -uo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || need+=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
command -v virtuoso-t >/dev/null 2>&1 || need+=(virtuoso-opensource)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "system-packages: not root; skipping install of ${need[*]} (tests that need them will skip)" >&2
    exit 0
  fi
  apt-get update -qq >/dev/null 2>&1 || true
  # Virtuoso's package asks for a DBA password via debconf; preseed a blank answer.
  echo "virtuoso-opensource-7 virtuoso-opensource-7/dba-password password dba" | debconf-set-selections 2>/dev/null || true
  echo "virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password dba" | debconf-set-selections 2>/dev/null || true
  echo "system-packages: installing ${need[*]}" >&2
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/tmp/vendorgraph-apt.log 2>&1 \
    || { echo "system-packages: apt-get install failed (see /tmp/vendorgraph-apt.log); dependent tests will skip" >&2; tail -5 /tmp/vendorgraph-apt.log >&2; }
  # The package starts a system Virtuoso; the tests start their own on a free port.
  (service virtuoso-opensource-7 stop || /etc/init.d/virtuoso-opensource-7 stop) >/dev/null 2>&1 || true
fi
exit 0
