# Ticket Triage: one container, SQLite on the /data volume (docs/deploy.md).
#
#   docker build -t ticket-triage .
#   docker run -d --name ticket-triage -p 8080:8080 -v ticket-triage-data:/data ticket-triage
#   docker logs ticket-triage 2>&1 | grep ttb_     # the one-time bootstrap token of a fresh database
#
# Probes: the runtime image has no curl or wget, so there is no HEALTHCHECK here. Let the
# orchestrator probe over HTTP instead: GET /health/ready (200 when the database answers, 503 when
# not) for readiness, GET /health/live for liveness; both anonymous, on port 8080.

# ---- build: restore, then publish in Release ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# What restore and the build read at the root: SDK pin, shared properties, package versions, the
# analyzers' rules (warnings are errors, so the image builds exactly as CI does).
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/TicketTriage.Core/TicketTriage.Core.csproj src/TicketTriage.Core/
COPY src/TicketTriage.Api/TicketTriage.Api.csproj src/TicketTriage.Api/
# A layer of its own, so a change in the code does not download every package again.
RUN dotnet restore src/TicketTriage.Api/TicketTriage.Api.csproj

COPY src/ src/
RUN dotnet publish src/TicketTriage.Api/TicketTriage.Api.csproj -c Release --no-restore -o /app

# ---- runtime: the ASP.NET Core runtime only, as the image's non-root user ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# /data belongs to the image's non-root `app` user ($APP_UID, 1654), so a new named volume mounted
# there starts with that owner. A bind mount keeps its host owner: chown it to 1654 first.
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data

COPY --from=build /app ./

# Urls: appsettings.json says http://localhost:8080 (loopback, for a developer's machine) and wins
# over the image's ASPNETCORE_HTTP_PORTS, so listen on every interface here; HTTP_PORTS is cleared
# so the host does not warn that Urls overrides it.
# The working directory is the content root: appsettings.json and triage.json are read from /app.
# MALLOC_ARENA_MAX: SQLite mallocs its page caches from whichever thread runs a query, and glibc gives
# each contending thread an arena of its own that keeps what is freed into it; two arenas kept the
# service 30-40 MB smaller under load at 1,000,000 tickets with no measurable loss of throughput
# (bench/RESULTS.md). glibc reads it when the process starts, so it cannot be set from inside.
ENV Urls=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    ConnectionStrings__Tickets="Data Source=/data/tickets.db" \
    MALLOC_ARENA_MAX=2

VOLUME /data
EXPOSE 8080
USER $APP_UID

ENTRYPOINT ["dotnet", "TicketTriage.Api.dll"]
