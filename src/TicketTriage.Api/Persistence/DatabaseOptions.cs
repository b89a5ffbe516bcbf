namespace TicketTriage.Api.Persistence;

internal sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the service starts; on by default for the embedded database.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
