#!/usr/bin/env bash
# Adds a migration with the same name for every database provider.
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project src/TicketTriage.Api --context SqliteTriageDbContext --output-dir Persistence/Migrations/Sqlite
dotnet ef migrations add "$name" --project src/TicketTriage.Api --context PostgresTriageDbContext --output-dir Persistence/Migrations/Postgres
