using Microsoft.Data.Sqlite;

namespace TicketTriage.Bench.Ceiling;

/// <summary>
/// Items in SQLite through plain Microsoft.Data.Sqlite: a pooled connection per request with the
/// service's durability settings (WAL, synchronous=FULL, busy timeout), prepared statements, no ORM.
/// </summary>
public sealed class ItemStore
{
    private static readonly string[] Groups =
        ["Security", "Service Desk", "Network", "IT Support", "Messaging", "Access Management", "Database", "Application Support", "General Support"];

    private static readonly string[] ItemParameters = ["$group", "$title", "$description", "$impact", "$urgency", "$caller", "$createdAt"];

    private readonly string _connectionString;

    private ItemStore(string connectionString) => _connectionString = connectionString;

    public static ItemStore Open(string path, int rows)
    {
        var store = new ItemStore(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());
        using var connection = store.Connect();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS Items (
                Id INTEGER PRIMARY KEY AUTOINCREMENT,
                "Group" TEXT NOT NULL COLLATE NOCASE,
                Title TEXT NOT NULL,
                Description TEXT,
                Impact INTEGER NOT NULL,
                Urgency INTEGER NOT NULL,
                Caller TEXT,
                CreatedAt INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS IX_Items_Group_CreatedAt_Id ON Items ("Group", CreatedAt, Id);
            """);
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Items;";
        if ((long)count.ExecuteScalar()! == 0)
        {
            Fill(connection, rows);
        }

        return store;
    }

    public Item Insert(NewItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var connection = Connect();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Items ("Group", Title, Description, Impact, Urgency, Caller, CreatedAt)
            VALUES ($group, $title, $description, $impact, $urgency, $caller, $createdAt)
            RETURNING Id;
            """;
        var group = Groups[(item.Title.Length + item.Impact) % Groups.Length];
        var createdAt = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        insert.Parameters.AddWithValue("$group", group);
        insert.Parameters.AddWithValue("$title", item.Title);
        insert.Parameters.AddWithValue("$description", (object?)item.Description ?? DBNull.Value);
        insert.Parameters.AddWithValue("$impact", item.Impact);
        insert.Parameters.AddWithValue("$urgency", item.Urgency);
        insert.Parameters.AddWithValue("$caller", (object?)item.Caller ?? DBNull.Value);
        insert.Parameters.AddWithValue("$createdAt", createdAt);
        var id = (long)insert.ExecuteScalar()!;
        return new Item(id, group, item.Title, item.Description, item.Impact, item.Urgency, item.Caller, createdAt);
    }

    public List<Item> Page(string group, int size)
    {
        using var connection = Connect();
        using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT Id, "Group", Title, Description, Impact, Urgency, Caller, CreatedAt FROM Items
            WHERE "Group" = $group ORDER BY CreatedAt DESC, Id DESC LIMIT $size;
            """;
        select.Parameters.AddWithValue("$group", group);
        select.Parameters.AddWithValue("$size", size);
        using var reader = select.ExecuteReader();
        var items = new List<Item>(size);
        while (reader.Read())
        {
            items.Add(new Item(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt32(4),
                reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetInt64(7)));
        }

        return items;
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;");
        return connection;
    }

    /// <summary>Items of about a ticket's size, spread over the groups and two years.</summary>
    private static void Fill(SqliteConnection connection, int rows)
    {
        var random = new Random(1);
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO Items ("Group", Title, Description, Impact, Urgency, Caller, CreatedAt)
            VALUES ($group, $title, $description, $impact, $urgency, $caller, $createdAt);
            """;
        var parameters = ItemParameters.Select(name => insert.Parameters.Add(new SqliteParameter(name, null))).ToArray();
        var description = string.Join(' ', Enumerable.Repeat("The caller describes what went wrong, what they tried and who else is affected.", 7));
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 0; i < rows; i++)
        {
            parameters[0].Value = Groups[random.Next(Groups.Length)];
            parameters[1].Value = $"Item {i} needs attention";
            parameters[2].Value = description;
            parameters[3].Value = random.Next(1, 4);
            parameters[4].Value = random.Next(1, 4);
            parameters[5].Value = "caller@example.com";
            parameters[6].Value = now - ((long)(rows - i) * 60_000);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
