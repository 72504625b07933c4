#!/usr/bin/env bash
# Stops the multi-node rig and removes its directory (see rig.sh).
exec "$(dirname "$0")/rig.sh" stop
