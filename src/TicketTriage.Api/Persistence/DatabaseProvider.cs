namespace TicketTriage.Api.Persistence;

internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
