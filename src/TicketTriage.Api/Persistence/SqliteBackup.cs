using Microsoft.Data.Sqlite;

namespace TicketTriage.Api.Persistence;

/// <summary>
/// A consistent copy of the SQLite database while the service keeps running: <c>VACUUM INTO</c> reads
/// one snapshot (a read transaction, which in WAL mode never blocks the service's writers) and writes
/// it to a new, compacted file.
/// </summary>
internal static class SqliteBackup
{
    /// <summary>Copies the database to <paramref name="destination"/>, a file that must not exist yet; returns an error message or null.</summary>
    public static async Task<string?> CopyAsync(string connectionString, string destination, CancellationToken cancellationToken)
    {
        var source = new SqliteConnectionStringBuilder(connectionString);
        if (source.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source.DataSource) || source.DataSource == ":memory:")
        {
            return "The database is in memory; there is no file to back up.";
        }

        var sourcePath = Path.GetFullPath(source.DataSource);
        if (!File.Exists(sourcePath))
        {
            return $"No database at {sourcePath}.";
        }

        if (File.Exists(destination) || Directory.Exists(destination))
        {
            return $"{destination} already exists; a backup never overwrites a file.";
        }

        var directory = Path.GetDirectoryName(destination);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
        {
            return $"The directory {directory} does not exist.";
        }

        // Written under a temporary name and renamed when complete and on disk, so a backup
        // interrupted by a crash never looks like a good one.
        var partial = $"{destination}.{Guid.NewGuid():N}.partial";
        try
        {
            await VacuumIntoAsync(source, sourcePath, partial, cancellationToken);
            await using (var file = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                // SQLite does not fsync the file VACUUM INTO writes.
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, destination, overwrite: false);
            return null;
        }
        catch (SqliteException exception)
        {
            return $"Backup failed: {exception.Message}";
        }
        catch (IOException exception)
        {
            return $"Backup failed: {exception.Message}";
        }
        catch (UnauthorizedAccessException exception)
        {
            return $"Backup failed: {exception.Message}";
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private static async Task VacuumIntoAsync(SqliteConnectionStringBuilder source, string sourcePath, string output, CancellationToken cancellationToken)
    {
        // Read-only: a wrong path fails instead of creating an empty database, and the backup
        // cannot change what it copies. No pooling: the connection ends with the copy.
        var readOnly = new SqliteConnectionStringBuilder(source.ConnectionString)
        {
            DataSource = sourcePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        await using var connection = new SqliteConnection(readOnly.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using var command = connection.CreateCommand();
        // The service may hold the write lock for a moment; wait for it as the service's own connections do.
        command.CommandText = "PRAGMA busy_timeout = 10000;";
        await command.ExecuteNonQueryAsync(cancellationToken);

        // VACUUM INTO takes an expression, so the file name travels as a parameter, never as SQL text.
        command.CommandText = "VACUUM INTO $output;";
        command.Parameters.AddWithValue("$output", output);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
