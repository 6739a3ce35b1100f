#!/usr/bin/env bash
# Installs what the end-to-end tests need, and nothing twice:
#   - Debian packages: chromium (the browser Playwright drives), the headers that
#     code-server's native modules compile against, and a Korean font so the screenshots
#     show the digests' summaries instead of empty boxes;
#   - code-server, pinned (it bundles VS Code 1.100.3; newer releases need Node 22+),
#     into .e2e-cache/code-server/ — never a dependency of the project, since a plain
#     `npm ci` would then need the build headers and download 280 MB.
# Safe to run again: each step is skipped when already done.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# code-server 4.100.3's bundled VS Code depends on @vscode/ripgrep 1.15.11, whose postinstall
# downloads rg from GitHub unless it finds this archive in its cache folder first.
RIPGREP_PKG_VERSION=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="$root/.e2e-cache"
dest="$cache/code-server"
started=$SECONDS

log() { printf '[e2e-setup] %s\n' "$*"; }

# --- Debian packages -------------------------------------------------------------------
missing=()
for pkg in chromium libkrb5-dev build-essential pkg-config python3 fonts-nanum; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  log "apt-get install ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
else
  log "Debian packages present"
fi

# --- code-server ---------------------------------------------------------------------------
installed_version() {
  [[ -f "$dest/.complete" ]] || return 0
  node -p "require('$dest/node_modules/code-server/package.json').version" 2>/dev/null || true
}

if [[ "$(installed_version)" == "$CODE_SERVER_VERSION" ]]; then
  log "code-server $CODE_SERVER_VERSION already in ${dest#"$root"/}"
else
  log "installing code-server $CODE_SERVER_VERSION into ${dest#"$root"/}"
  rm -rf "$dest"
  mkdir -p "$dest"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT

  # The rg binary comes from the npm package, repacked under the name the downloader expects.
  mkdir -p "$work/pack" "$work/tmp/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
  (cd "$work/pack" && npm pack --silent @vscode/ripgrep-linux-x64 >/dev/null && tar xzf ./*.tgz)
  tar czf "$work/tmp/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION/$RIPGREP_ASSET" -C "$work/pack/package/bin" rg

  printf '{ "name": "e2e-code-server", "private": true }\n' >"$dest/package.json"
  # unsafe_perm: code-server's postinstall refuses to run as root otherwise.
  # yes: node-pty runs `npx node-gyp`, which a `yes=false` npm config would cancel.
  (
    cd "$dest"
    TMPDIR="$work/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund --save-exact --loglevel=error \
      "code-server@$CODE_SERVER_VERSION"
  )
  if [[ "$(node -p "require('$dest/node_modules/code-server/package.json').version")" != "$CODE_SERVER_VERSION" ]]; then
    log "code-server did not install at $CODE_SERVER_VERSION" >&2
    exit 1
  fi
  if [[ ! -x "$dest/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]]; then
    log "warning: the bundled ripgrep binary is missing (search in the workbench will not work)" >&2
  fi
  touch "$dest/.complete"
fi

log "done in $((SECONDS - started)) s"
