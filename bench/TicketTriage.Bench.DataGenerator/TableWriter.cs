using System.Linq.Expressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TicketTriage.Bench.DataGenerator;

/// <summary>
/// A prepared INSERT of one entity type, built from the service's own EF model: the same table and
/// column names, and each value converted to what is stored by the converter the model maps that
/// property with (DateTimeOffsetToBinaryConverter for instants, enum names as strings, the JSON
/// array of a primitive collection). Values are bound to a reused prepared statement, so a row
/// costs one sqlite3_step and no SQL parsing.
/// </summary>
/// <typeparam name="TEntity">The entity the table holds.</typeparam>
internal sealed class TableWriter<TEntity> : IDisposable
    where TEntity : class
{
    private readonly SqliteCommand _insert;
    private readonly Column[] _columns;

    /// <summary>
    /// Prepares the INSERT; <c>keys</c> names the properties whose values the caller supplies itself,
    /// in order (the ids the database would otherwise assign).
    /// </summary>
    public TableWriter(IModel model, SqliteConnection connection, string[] keys)
    {
        var entity = model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = new List<Column>();
        foreach (var property in entity.GetProperties())
        {
            var key = Array.IndexOf(keys, property.Name);
            if (key < 0 && property.PropertyInfo is null)
            {
                throw new InvalidOperationException($"{table}.{property.Name} is a shadow property; the generator does not know how to fill it.");
            }

            var converter = property.GetTypeMapping().Converter;
            columns.Add(new Column(property.GetColumnName(store)!, key, key < 0 ? Getter(property.PropertyInfo!) : null, converter));
        }

        _columns = [.. columns];
        _insert = connection.CreateCommand();
        _insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", _columns.Select(c => $"\"{c.Name}\""))}) "
            + $"VALUES ({string.Join(", ", _columns.Select((_, i) => $"$p{i}"))});";
        for (var i = 0; i < _columns.Length; i++)
        {
            _insert.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }
    }

    public string Table => _insert.CommandText.Split('"')[1];

    public IEnumerable<string> ColumnNames => _columns.Select(column => column.Name);

    public void Prepare(SqliteTransaction transaction)
    {
        _insert.Transaction = transaction;
        _insert.Prepare();
    }

    public void Use(SqliteTransaction transaction) => _insert.Transaction = transaction;

    /// <summary>Inserts one row; <paramref name="keys"/> gives the values of the key columns in the order they were named.</summary>
    public void Insert(TEntity entity, ReadOnlySpan<long> keys)
    {
        var parameters = _insert.Parameters;
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            object? value = column.Key >= 0 ? keys[column.Key] : column.Get!(entity);
            if (value is not null && column.Converter is not null)
            {
                value = column.Converter.ConvertToProvider(value);
            }

            parameters[i].Value = value ?? DBNull.Value;
        }

        _insert.ExecuteNonQuery();
    }

    public void Dispose() => _insert.Dispose();

    private static Func<TEntity, object?> Getter(System.Reflection.PropertyInfo property)
    {
        var entity = Expression.Parameter(typeof(TEntity), "entity");
        var body = Expression.Convert(Expression.Property(entity, property), typeof(object));
        return Expression.Lambda<Func<TEntity, object?>>(body, entity).Compile();
    }

    private sealed record Column(string Name, int Key, Func<TEntity, object?>? Get, ValueConverter? Converter);
}
