using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace TicketTriage.Api.Persistence;

/// <summary>
/// Inserts new rows of one entity type through one statement, prepared once and run once per row, in
/// the context's current transaction. Table, columns and value conversions come from the EF model, so
/// it writes exactly what SaveChanges would. Made for the ticket intake's single writer: SaveChanges
/// builds, prepares and parses a fresh multi-statement batch on every call, and that was most of the
/// writer's time.
/// </summary>
internal sealed class PreparedInsert<TEntity> : IAsyncDisposable
    where TEntity : class
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;
    private readonly PropertyInfo? _generatedKey;

    public PreparedInsert(DbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();

        var key = entityType.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } generated] ? generated : null;
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties().Where(property => property != key))
        {
            if (property.IsShadowProperty() || property.ValueGenerated is ValueGenerated.OnUpdate or ValueGenerated.OnAddOrUpdate)
            {
                throw new NotSupportedException($"{typeof(TEntity).Name}.{property.Name} is not a plain column; insert it with SaveChanges.");
            }

            var name = $"p{columns.Count}";
            columns.Add(new Column(property, property.GetGetter(), property.GetRelationalTypeMapping(), sql.GenerateParameterName(name), sql.GenerateParameterNamePlaceholder(name)));
        }

        _columns = [.. columns];
        _generatedKey = key?.PropertyInfo;
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        _command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", _columns.Select(column => sql.DelimitIdentifier(column.Property.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", _columns.Select(column => column.Placeholder))})" +
            (key is null ? string.Empty : $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}");
    }

    /// <summary>Inserts the row and, when the database generates its key, sets the key on the entity.</summary>
    public async Task InsertAsync(TEntity entity, CancellationToken cancellationToken)
    {
        _command.Parameters.Clear();
        AddParameters(_command.Parameters, entity);
        if (_generatedKey is null)
        {
            await _command.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        SetKey(entity, await _command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>
    /// Inserts the rows in order and sets their generated keys. A server database (PostgreSQL) gets them all in
    /// one round trip, as a batch of the same statement, instead of one round trip per row; SQLite runs in the
    /// process and cannot batch, so there each row takes the prepared statement in turn.
    /// </summary>
    /// <remarks>
    /// The batch is prepared: EF Core prepares nothing, so PostgreSQL parsed and planned the insert again for every
    /// row, and planning an insert into a table of eighteen indexes was about a fifth of the machine's CPU under
    /// the create workload. Npgsql keeps a prepared statement on its connection across the pool's reuse, so the
    /// statement is parsed once per connection, and after five runs PostgreSQL keeps one plan for it (an insert's
    /// plan does not depend on the values). Queries are prepared only where one plan fits every value
    /// (<see cref="PreparedQueryInterceptor"/>): kept for any value, a plan would be wrong for a search, or for a
    /// filter on a rare status, whose best plan depends on the value.
    /// </remarks>
    public async Task InsertAllAsync(IReadOnlyList<TEntity> entities, CancellationToken cancellationToken)
    {
        var connection = _command.Connection!;
        if (entities.Count < 2 || !connection.CanCreateBatch)
        {
            foreach (var entity in entities)
            {
                await InsertAsync(entity, cancellationToken);
            }

            return;
        }

        await using var batch = connection.CreateBatch();
        batch.Transaction = _command.Transaction;
        foreach (var entity in entities)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = _command.CommandText;
            AddParameters(command.Parameters, entity);
            batch.BatchCommands.Add(command);
        }

        await batch.PrepareAsync(cancellationToken);

        if (_generatedKey is null)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        // One result, of one row, per statement, in the order they were added.
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < entities.Count; i++)
        {
            if ((i > 0 && !await reader.NextResultAsync(cancellationToken)) || !await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"The batch returned {i} generated keys for {entities.Count} {typeof(TEntity).Name} rows.");
            }

            SetKey(entities[i], reader.GetValue(0));
        }
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private void AddParameters(DbParameterCollection parameters, TEntity entity)
    {
        foreach (var column in _columns)
        {
            parameters.Add(column.Mapping.CreateParameter(_command, column.ParameterName, column.Getter.GetClrValue(entity), column.Property.IsNullable));
        }
    }

    private void SetKey(TEntity entity, object? key) =>
        _generatedKey!.SetValue(entity, Convert.ChangeType(key, _generatedKey.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping, string ParameterName, string Placeholder);
}
