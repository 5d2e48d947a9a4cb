#!/usr/bin/env bash
# Adds migration NAME to both state models (Scheduler, Transformer) for both providers (SQLite, PostgreSQL):
#   bash shared/Persistence/add-migration.sh NAME
# Each service keeps Migrations/Sqlite and Migrations/Postgres (ProviderMigrationsAssembly picks by provider). Both
# model snapshots have the same file name, and `dotnet ef` writes a snapshot over any file of that name in the
# project, so the other provider's snapshot is moved out of the way while one is generated.
set -euo pipefail
name=${1:?usage: add-migration.sh NAME}
cd "$(dirname "$0")/../.."
dotnet tool restore >/dev/null
aside=$(mktemp -d)
for service in Scheduler Transformer; do
  for provider in Sqlite Postgres; do
    other=$([ "$provider" = Sqlite ] && echo Postgres || echo Sqlite)
    snapshot="services/$service/Migrations/$other/${service}DbContextModelSnapshot.cs"
    [ -f "$snapshot" ] && mv "$snapshot" "$aside/"
    args=(); [ "$provider" = Postgres ] && args=(-- postgres)
    dotnet ef migrations add "$name" --project "services/$service" --output-dir "Migrations/$provider" "${args[@]}" ||
      { [ -f "$aside/${service}DbContextModelSnapshot.cs" ] && mv "$aside/${service}DbContextModelSnapshot.cs" "$snapshot"; exit 1; }
    [ -f "$aside/${service}DbContextModelSnapshot.cs" ] && mv "$aside/${service}DbContextModelSnapshot.cs" "$snapshot"
  done
done
rmdir "$aside"
