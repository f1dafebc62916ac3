#!/usr/bin/env bash
# Measures EditorialPortal against its performance targets and prints one table (median, p95, p99, data size).
# It runs on its own PostgreSQL cluster under .bench/ with fsync and synchronous_commit on, and generates the synthetic
# journals there once (100,000 submissions by default: about 45 minutes here), keeping them for later runs.
#   ./bench.sh [--size N] [--duration SECONDS] [--circuits N] [--only B1,B4] [--generate-only]
#   ./bench.sh --soak [MINUTES]    writers while PostgreSQL is killed and restarted, then every invariant checked
set -euo pipefail
cd "$(dirname "$0")"
source scripts/debian-packages.sh

# dotnet-gcdump (pinned in .config/dotnet-tools.json) reads the portal's live heap for B8.
dotnet tool restore > /dev/null
echo "Building (Release)..."
dotnet build EditorialPortal.Bench/EditorialPortal.Bench.csproj -c Release -nologo -v quiet
dotnet EditorialPortal.Bench/bin/Release/net10.0/EditorialPortal.Bench.dll --repository "$PWD" "$@"
