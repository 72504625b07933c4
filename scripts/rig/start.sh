#!/usr/bin/env bash
# Starts the multi-node rig (see rig.sh).
exec "$(dirname "$0")/rig.sh" start
