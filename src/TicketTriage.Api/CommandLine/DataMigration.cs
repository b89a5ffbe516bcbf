using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using TicketTriage.Api.Auth;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Webhooks;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.CommandLine;

/// <summary>
/// <c>migrate-data --from SQLITE --to POSTGRES</c>: copies every row of the service's SQLite database into
/// PostgreSQL with its key unchanged (a ticket's number is INC + its id, and history, notes and tokens
/// point at ids). Tables are read in key order, a batch at a time, so no table is ever held in memory;
/// rows the target already has are skipped, so a second run copies nothing and an interrupted run is
/// finished by running it again. A row the target holds under the same key must be the same row: one
/// that is not stops the copy, naming its table, rather than leaving the source's row behind.
/// </summary>
internal sealed class DataMigration(SqliteTriageDbContext source, PostgresTriageDbContext target)
{
    public const int BatchSize = 1_000;

    private const string From = "--from";
    private const string To = "--to";

    /// <summary>Runs the copy and returns the process exit code: 0 when every table matches, 1 otherwise.</summary>
    public static async Task<int> RunAsync(string from, string to, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        // The builders only parse: a malformed string fails here, before anything is opened. Their
        // messages can quote the string, so only a fixed line is printed.
        SqliteConnectionStringBuilder sqlite;
        NpgsqlConnectionStringBuilder postgres;
        try
        {
            sqlite = new SqliteConnectionStringBuilder(from);
        }
        catch (ArgumentException)
        {
            await errors.WriteLineAsync($"migrate-data: {From} is not a SQLite connection string.");
            return 2;
        }

        try
        {
            postgres = new NpgsqlConnectionStringBuilder(to);
        }
        catch (ArgumentException)
        {
            await errors.WriteLineAsync($"migrate-data: {To} is not a PostgreSQL connection string.");
            return 2;
        }

        string[] secrets = [.. new[] { sqlite.Password, postgres.Password }.Where(secret => !string.IsNullOrEmpty(secret)).Cast<string>()];

        // Opening a missing file would create an empty database and "migrate" nothing, successfully.
        if (sqlite.Mode == SqliteOpenMode.Memory || sqlite.DataSource is "" or ":memory:")
        {
            await errors.WriteLineAsync($"migrate-data: {From} must name the service's database file.");
            return 1;
        }

        var sourcePath = Path.GetFullPath(sqlite.DataSource);
        if (!File.Exists(sourcePath))
        {
            await errors.WriteLineAsync($"migrate-data: {From}: no SQLite database at {sourcePath}.");
            return 1;
        }

        // Built here rather than taken from the service: no SaveChanges interceptors, so every value is
        // written exactly as it is stored, and the service's own connection string is not needed.
        await using var sourceDb = new SqliteTriageDbContext(new DbContextOptionsBuilder<SqliteTriageDbContext>().UseSqlite(from).Options);
        await using var targetDb = new PostgresTriageDbContext(new DbContextOptionsBuilder<PostgresTriageDbContext>().UseNpgsql(to).Options);

        // Both schemas up to date first: the source as starting the service would leave it, the target
        // with the same model, its history triggers and its search column.
        foreach (var (end, database) in new[] { (From, sourceDb.Database), (To, targetDb.Database) })
        {
            try
            {
                await database.MigrateAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await errors.WriteLineAsync(Failure(end, exception, secrets));
                return 1;
            }
        }

        List<TableCopy> tables;
        try
        {
            tables = await new DataMigration(sourceDb, targetDb).CopyAsync(output, cancellationToken);

            // After a bulk load the planner has no statistics until autovacuum comes by, and the first read of
            // each copied page would write it again to set its hint bits: the copy is left vacuumed and analysed.
            if (tables.Any(table => table.Copied > 0))
            {
                await targetDb.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await errors.WriteLineAsync(Failure(EndOf(exception), exception, secrets));
            return 1;
        }

        var differing = tables.Where(table => table.Difference is not null).ToList();
        foreach (var table in differing)
        {
            await errors.WriteLineAsync($"migrate-data: {table.Name} differs: {table.Difference}.");
        }

        return differing.Count == 0 ? 0 : 1;
    }

    /// <summary>Copies every table in foreign-key order, printing one line per table as it completes.</summary>
    private async Task<List<TableCopy>> CopyAsync(TextWriter output, CancellationToken cancellationToken)
    {
        // A user's id is a random GUID and the other Identity keys are natural: the same key is the same row.
        // Generated ids are not: a service that ran on the target before the copy numbered its own rows
        // from 1, so a row under the same id must also agree on what never changes once written.
        (Type Entity, Func<CancellationToken, Task<TableCopy>> CopyAsync)[] tables =
        [
            Table<TriageUser>(),
            Table<IdentityUserClaim<string>>(claim => new { claim.UserId, claim.ClaimType }),
            Table<IdentityUserLogin<string>>(),
            Table<IdentityUserToken<string>>(),
            Table<ApiToken>(token => token.Hash),
            (typeof(UserSession), CopySessionsAsync),
            Table<Ticket>(ticket => new { ticket.CreatedAt, ticket.OpenedBy }),
            Table<TicketNote>(note => new { note.TicketId, note.CreatedAt, note.Author }),
            Table<TicketEvent>(entry => new { entry.TicketId, entry.At, entry.Type }),
            Table<OutboxMessage>(message => message.EventId),
            (typeof(DataProtectionKey), CopyDataProtectionKeysAsync),
        ];

        // A table added to the model later must be added above too; until then, refuse rather than leave its rows behind.
        // Keyless types are the search indexes, not tables of their own: the target's triggers derive them from the tickets.
        var forgotten = target.Model.GetEntityTypes()
            .Where(entityType => entityType.FindPrimaryKey() is not null)
            .Select(entityType => entityType.ClrType).Except(tables.Select(table => table.Entity)).ToList();
        if (forgotten.Count > 0)
        {
            throw new InvalidOperationException($"migrate-data does not copy {string.Join(", ", forgotten.Select(type => type.Name))} yet.");
        }

        var copies = new List<TableCopy>();
        foreach (var (_, copyTableAsync) in tables)
        {
            var copy = await copyTableAsync(cancellationToken);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{copy.Name}: {copy.InSource} in source, {copy.InTarget} in target, {copy.Copied} copied now"));
            copies.Add(copy);
        }

        return copies;
    }

    /// <param name="sameRow">What a row under the same key must agree on, compared by value; null when the key alone says it.</param>
    private (Type Entity, Func<CancellationToken, Task<TableCopy>> CopyAsync) Table<TEntity>(Func<TEntity, object>? sameRow = null)
        where TEntity : class => (typeof(TEntity), cancellationToken => CopyTableAsync(sameRow, cancellationToken));

    private async Task<TableCopy> CopyTableAsync<TEntity>(Func<TEntity, object>? sameRow, CancellationToken cancellationToken)
        where TEntity : class
    {
        var entityType = target.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var key = entityType.FindPrimaryKey()!.Properties;
        var keyMembers = key.Select(property => property.PropertyInfo ?? throw new InvalidOperationException($"The key {property.Name} is not a CLR property.")).ToArray();
        var name = entityType.GetTableName()!;

        var copied = await CopyRowsAsync(name, keyMembers, sameRow, cancellationToken);
        await CarryOverIdentityAsync<TEntity>(entityType, key, cancellationToken);
        var inSource = await source.Set<TEntity>().LongCountAsync(cancellationToken);
        var inTarget = await target.Set<TEntity>().LongCountAsync(cancellationToken);
        return new TableCopy(
            name,
            inSource,
            inTarget,
            copied,
            inSource == inTarget ? null : string.Create(CultureInfo.InvariantCulture, $"{inSource} rows in source, {inTarget} in target"));
    }

    /// <summary>
    /// Data Protection keys are matched by content, not by id: a service started on the target before the
    /// copy made a key of its own under id 1, and the source's key 1, which the cookies of people signed in
    /// before were protected with, must come too. The target keeps its own keys; the source's get new ids.
    /// There is a key per 90 days, so both sides are read whole.
    /// </summary>
    private async Task<TableCopy> CopyDataProtectionKeysAsync(CancellationToken cancellationToken)
    {
        var sourceKeys = await source.DataProtectionKeys.AsNoTracking().OrderBy(key => key.Id).ToListAsync(cancellationToken);
        var targetKeys = await TargetKeyContentsAsync(cancellationToken);
        var missing = sourceKeys.Where(key => !targetKeys.Contains((key.FriendlyName, key.Xml))).ToList();
        if (missing.Count > 0)
        {
            target.DataProtectionKeys.AddRange(missing.Select(key => new DataProtectionKey { FriendlyName = key.FriendlyName, Xml = key.Xml }));
            await target.SaveChangesAsync(cancellationToken);
            target.ChangeTracker.Clear();
        }

        targetKeys = await TargetKeyContentsAsync(cancellationToken);
        var stillMissing = sourceKeys.Count(key => !targetKeys.Contains((key.FriendlyName, key.Xml)));
        return new TableCopy(
            target.Model.FindEntityType(typeof(DataProtectionKey))!.GetTableName()!,
            sourceKeys.Count,
            targetKeys.Count,
            missing.Count,
            stillMissing == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{stillMissing} of the source's {sourceKeys.Count} keys are not in the target"));
    }

    /// <summary>
    /// Sessions come too, so that people signed in before stay signed in. The target's service may have started
    /// sessions of its own since (a sign-in to check the copy), so only a source session missing from the target
    /// is a difference. There is a row per signed-in browser: both sides' keys are read whole.
    /// </summary>
    private async Task<TableCopy> CopySessionsAsync(CancellationToken cancellationToken)
    {
        var copy = await CopyTableAsync<UserSession>(null, cancellationToken);
        var inTarget = (await target.Sessions.AsNoTracking().Select(session => session.Id).ToListAsync(cancellationToken)).ToHashSet();
        var missing = (await source.Sessions.AsNoTracking().Select(session => session.Id).ToListAsync(cancellationToken)).Count(id => !inTarget.Contains(id));
        return copy with { Difference = missing == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{missing} of the source's {copy.InSource} sessions are not in the target") };
    }

    private async Task<HashSet<(string? FriendlyName, string? Xml)>> TargetKeyContentsAsync(CancellationToken cancellationToken) =>
        [.. (await target.DataProtectionKeys.AsNoTracking().ToListAsync(cancellationToken)).Select(key => (key.FriendlyName, key.Xml))];

    private async Task<long> CopyRowsAsync<TEntity>(string table, PropertyInfo[] key, Func<TEntity, object>? sameRow, CancellationToken cancellationToken)
        where TEntity : class
    {
        var copied = 0L;
        object?[]? last = null;
        while (true)
        {
            var rows = source.Set<TEntity>().AsNoTracking();
            if (last is not null)
            {
                rows = rows.Where(After<TEntity>(key, last));
            }

            var batch = await OrderedBy(rows, key).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return copied;
            }

            var keys = batch.Select(row => KeyOf(row, key)).ToList();
            var present = await PresentInTargetAsync<TEntity>(key, keys, cancellationToken);
            if (sameRow is not null && FirstTakenKey(batch, keys, present, sameRow) is { } taken)
            {
                throw new InvalidOperationException(
                    $"{table}: the target holds another row under the source's key ({string.Join(", ", taken)}), so it is not a copy of this database. "
                    + "Migrate into a new, empty database.");
            }

            var missing = batch.Where((_, i) => !present.ContainsKey(keys[i])).ToList();
            if (missing.Count > 0)
            {
                target.Set<TEntity>().AddRange(missing);
                await target.SaveChangesAsync(cancellationToken);
                target.ChangeTracker.Clear();
                copied += missing.Count;
            }

            if (batch.Count < BatchSize)
            {
                return copied;
            }

            last = keys[^1];
        }
    }

    /// <summary>The target's rows under these keys, by key.</summary>
    private async Task<Dictionary<object?[], TEntity>> PresentInTargetAsync<TEntity>(PropertyInfo[] key, List<object?[]> keys, CancellationToken cancellationToken)
        where TEntity : class
    {
        // Each key column IN the batch's values: exact for a single column; for a composite key a
        // superset, narrowed to exact matches in memory.
        var row = Expression.Parameter(typeof(TEntity), "row");
        Expression? filter = null;
        for (var i = 0; i < key.Length; i++)
        {
            var distinct = keys.Select(k => k[i]).Distinct().ToArray();
            var values = Array.CreateInstance(key[i].PropertyType, distinct.Length);
            Array.Copy(distinct, values, distinct.Length);

            var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [key[i].PropertyType], Parameter(values, values.GetType()), Expression.Property(row, key[i]));
            filter = filter is null ? contains : Expression.AndAlso(filter, contains);
        }

        var found = await target.Set<TEntity>().AsNoTracking()
            .Where(Expression.Lambda<Func<TEntity, bool>>(filter!, row))
            .ToListAsync(cancellationToken);
        return found.ToDictionary(stored => KeyOf(stored, key), KeyComparer.Instance);
    }

    /// <summary>
    /// Moves PostgreSQL's identity sequence past the copied ids, so the next ticket created there gets the
    /// next number instead of colliding with INC0000001.
    /// </summary>
    private async Task CarryOverIdentityAsync<TEntity>(IEntityType entityType, IReadOnlyList<IProperty> key, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (key is not [var id] || id.ValueGenerated == ValueGenerated.Never || (id.ClrType != typeof(long) && id.ClrType != typeof(int)))
        {
            return;
        }

        var row = Expression.Parameter(typeof(TEntity), "row");
        var max = await target.Set<TEntity>()
            .Select(Expression.Lambda<Func<TEntity, long?>>(Expression.Convert(Expression.Property(row, id.PropertyInfo!), typeof(long?)), row))
            .MaxAsync(cancellationToken);

        // Names from the model travel as parameters; an empty table restarts at 1 (is_called false).
        var table = $"\"{entityType.GetTableName()}\"";
        var column = id.GetColumnName();
        await target.Database.ExecuteSqlAsync(
            $"SELECT setval(pg_get_serial_sequence({table}, {column}), {max ?? 1}, {max is not null})",
            cancellationToken);
    }

    /// <summary>Rows whose key comes after <paramref name="last"/>: (a, b) > (x, y) written as a > x OR (a = x AND b > y).</summary>
    private static Expression<Func<TEntity, bool>> After<TEntity>(PropertyInfo[] key, object?[] last)
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        Expression? predicate = null;
        for (var i = key.Length - 1; i >= 0; i--)
        {
            var column = Expression.Property(row, key[i]);
            var value = Parameter(last[i], key[i].PropertyType);

            // string.Compare(a, b) > 0 is how EF Core writes a > b for text; SQLite compares the key columns as bytes.
            var greater = column.Type == typeof(string)
                ? Expression.GreaterThan(Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, column, value), Expression.Constant(0))
                : Expression.GreaterThan(column, value);
            predicate = predicate is null ? greater : Expression.OrElse(greater, Expression.AndAlso(Expression.Equal(column, value), predicate));
        }

        return Expression.Lambda<Func<TEntity, bool>>(predicate!, row);
    }

    private static IQueryable<TEntity> OrderedBy<TEntity>(IQueryable<TEntity> rows, PropertyInfo[] key)
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        var expression = rows.Expression;
        for (var i = 0; i < key.Length; i++)
        {
            expression = Expression.Call(
                typeof(Queryable),
                i == 0 ? nameof(Queryable.OrderBy) : nameof(Queryable.ThenBy),
                [typeof(TEntity), key[i].PropertyType],
                expression,
                Expression.Quote(Expression.Lambda(Expression.Property(row, key[i]), row)));
        }

        return rows.Provider.CreateQuery<TEntity>(expression);
    }

    /// <summary>The key of the first source row whose key the target holds for a different row; null when there is none.</summary>
    private static object?[]? FirstTakenKey<TEntity>(List<TEntity> batch, List<object?[]> keys, Dictionary<object?[], TEntity> present, Func<TEntity, object> sameRow)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            if (present.TryGetValue(keys[i], out var stored) && !sameRow(batch[i]).Equals(sameRow(stored)))
            {
                return keys[i];
            }
        }

        return null;
    }

    private static object?[] KeyOf(object row, PropertyInfo[] key) => [.. key.Select(member => member.GetValue(row))];

    /// <summary>A value read through a closure, as a captured variable is, so EF Core sends it as a parameter instead of writing it into the SQL.</summary>
    private static MemberExpression Parameter(object? value, Type type) =>
        Expression.Field(Expression.Constant(Activator.CreateInstance(typeof(StrongBox<>).MakeGenericType(type), value)), nameof(StrongBox<object>.Value));

    /// <summary>Which end a failure during the copy came from: reads fail in SQLite, writes in PostgreSQL.</summary>
    private static string? EndOf(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException:
                    return From;
                case NpgsqlException:
                    return To;
                default:
                    break;
            }
        }

        return null;
    }

    /// <summary>One line, no stack trace, no password: the messages of the exception and its causes.</summary>
    private static string Failure(string? end, Exception exception, string[] secrets)
    {
        var causes = new List<string>();
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            // "See the inner exception for details": the inner one comes next.
            if (current is not DbUpdateException && !causes.Contains(current.Message))
            {
                causes.Add(current.Message);
            }
        }

        var message = string.Join(' ', string.Join(": ", causes).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var secret in secrets)
        {
            message = message.Replace(secret, "***", StringComparison.Ordinal);
        }

        return end is null ? $"migrate-data failed: {message}" : $"migrate-data: {end} failed: {message}";
    }

    /// <summary>One table's counts; <paramref name="Difference"/> says what does not match, null when the target has every source row.</summary>
    private sealed record TableCopy(string Name, long InSource, long InTarget, long Copied, string? Difference);

    private sealed class KeyComparer : IEqualityComparer<object?[]>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(object?[]? x, object?[]? y) => StructuralComparisons.StructuralEqualityComparer.Equals(x, y);

        public int GetHashCode(object?[] obj) => StructuralComparisons.StructuralEqualityComparer.GetHashCode(obj);
    }
}
