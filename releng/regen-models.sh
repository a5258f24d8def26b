#!/usr/bin/env sh
# Regenerates the committed EMF model code of every bundle that has a model/*.genmodel.
# Members marked @generated NOT survive (JMerge). Run from anywhere; needs only Java 17 and Maven Central.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
models=$(find "$root/bundles" -path '*/model/*.genmodel' | sort)
"$root/mvnw" -q -f "$root/releng/codegen/pom.xml" compile exec:java -Dexec.args="$(echo $models)"
