#!/usr/bin/env bash
# Installs what Native AOT needs to compile the server for linux-arm64 on an x64 Debian machine (.ci/run calls it;
# npm run package:all uses it when present): clang and lld, which link for another architecture, and the arm64
# C library and zlib from Debian's multiarch archive. Non-interactive and idempotent: does nothing when they are
# there already. Where it cannot install (not Debian on x64, not root and no password-less sudo), it says so and
# exits 0: package:all then builds the linux-arm64 server as a ReadyToRun single file instead.
set -euo pipefail

triple=aarch64-linux-gnu
have() {
  command -v clang >/dev/null && command -v ld.lld >/dev/null && command -v "$triple-objcopy" >/dev/null \
    && [ -f "/usr/lib/$triple/libz.a" ] && [ -f "/usr/lib/$triple/crt1.o" ]
}

if have; then
  echo "cross toolchain for linux-arm64: already installed"
  exit 0
fi
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ] || ! grep -qs '^ID=debian' /etc/os-release || ! command -v apt-get >/dev/null; then
  echo "cross toolchain for linux-arm64: not an x64 Debian machine, not installed (linux-arm64 will be ReadyToRun)"
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "cross toolchain for linux-arm64: not root and no password-less sudo, not installed (linux-arm64 will be ReadyToRun)"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
# A registry that cannot be reached must not fail the CI run: the arm64 server is then built as ReadyToRun.
if ! { "${as_root[@]}" dpkg --add-architecture arm64 \
  && "${as_root[@]}" apt-get update -q </dev/null \
  && "${as_root[@]}" apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confold \
    clang lld llvm binutils-$triple gcc-$triple libc6-dev:arm64 zlib1g-dev:arm64 </dev/null; }; then
  echo "cross toolchain for linux-arm64: apt-get failed, not installed (linux-arm64 will be ReadyToRun)"
  exit 0
fi
have || { echo "cross toolchain for linux-arm64: installed, but clang, ld.lld or the arm64 libraries are still missing (linux-arm64 will be ReadyToRun)"; exit 0; }
echo "cross toolchain for linux-arm64: installed in $(( $(date +%s) - start )) s"
