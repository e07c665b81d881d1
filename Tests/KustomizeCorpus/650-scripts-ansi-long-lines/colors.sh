#!/usr/bin/env bash
RED='[0;31m'
GREEN='[0;32m'
NC='[0m'
log() { printf "${GREEN}[%s]${NC} %s\n" "$(date +%T)" "$*"; }
err() { printf "${RED}ERROR${NC} %s\a\n" "$*" >&2; }
log "starting"
