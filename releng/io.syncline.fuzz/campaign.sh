#!/bin/sh
# A fuzzing campaign: every target of the fuzz module for its maxDuration (10 minutes) with coverage of Syncline's
# own packages and the parsers they use, one after the other; what a target finds is kept under
# src/test/resources (crashes as crash-* inputs, which then fail the regression run until fixed) and its corpus
# copied there, so the build's regression run replays it. Run from the repository root after `./mvnw install`:
#   releng/io.syncline.fuzz/campaign.sh [TARGET …]      (TARGET: Class#method; default: all)
set -eu
cd "$(dirname "$0")/../.."
targets=${*:-"PartnerBytesFuzzTest#x12 PartnerBytesFuzzTest#csv PartnerBytesFuzzTest#json PartnerBytesFuzzTest#jsonLines PartnerBytesFuzzTest#xml As2BytesFuzzTest#message As2BytesFuzzTest#receipt As2BytesFuzzTest#webhookSignature"}
for target in $targets; do
  start=$(date +%s)
  JAZZER_FUZZ=1 ./mvnw -B -o test -pl releng/io.syncline.fuzz -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.instrumentation_includes='io.syncline.**:io.xlate.**:de.siegmar.**:com.fasterxml.**' \
    > "releng/io.syncline.fuzz/target/campaign-$(echo "$target" | tr '#' '-').log" 2>&1 || true
  echo "$target: $(( $(date +%s) - start )) s, $(grep -c 'FuzzTestFinding\|== Java Exception' "releng/io.syncline.fuzz/target/campaign-$(echo "$target" | tr '#' '-').log" || true) finding line(s)"
done
