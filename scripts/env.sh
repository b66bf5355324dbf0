# Sourced by the scripts: the tools setup installed, and Trunk kept offline.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export TRUNK_OFFLINE=true
