# Sourced by the scripts (from any folder): the tools setup installed, and
# Trunk kept offline.
brnn_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$brnn_root/node_modules/.bin:$PATH"
export TRUNK_OFFLINE=true
unset brnn_root
