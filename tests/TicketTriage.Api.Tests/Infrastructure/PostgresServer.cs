using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TicketTriage.Api.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the integration tests create their databases on: the one named by
/// <see cref="EnvironmentVariable"/>, or else a throw-away cluster started from the machine's own
/// binaries on a free loopback port and removed when the test process exits.
/// </summary>
public sealed class PostgresServer
{
    /// <summary>Holds the connection string of a server to use instead of starting one; its user must be allowed to create databases.</summary>
    public const string EnvironmentVariable = "TRIAGE_TEST_POSTGRES";

    private const string BinariesRoot = "/usr/lib/postgresql";

    // A failed start is cached too, so every PostgreSQL test fails with the same reason instead of retrying initdb.
    private static readonly Lazy<PostgresServer> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _serverConnectionString;

    private PostgresServer(string serverConnectionString) => _serverConnectionString = serverConnectionString;

    /// <summary>The server shared by the whole test process, started on first use.</summary>
    public static PostgresServer Shared => Instance.Value;

    /// <summary>A connection string to the server's <c>postgres</c> database.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>
    /// Creates the database <paramref name="name"/> (<c>[a-z0-9_]+</c>) unless it exists, so a second host can
    /// reopen it as a restart, and returns a connection string to it.
    /// </summary>
    public string CreateDatabase(string name)
    {
        try
        {
            Execute($"CREATE DATABASE {Quote(name)}");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
        }

        return ConnectionString(name);
    }

    /// <summary>Drops the database <paramref name="name"/>, closing whatever connections still use it.</summary>
    public void DropDatabase(string name)
    {
        // Only this database's pool: ClearAllPools would break the connections of tests running alongside.
        using var connection = new NpgsqlConnection(ConnectionString(name));
        NpgsqlConnection.ClearPool(connection);
        Execute($"DROP DATABASE IF EXISTS {Quote(name)} WITH (FORCE)");
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = database, IncludeErrorDetail = true }.ConnectionString;

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    // PostgreSQL silently truncates identifiers past 63 bytes, which could make two names one database.
    private static string Quote(string name) =>
        name.Length is > 0 and <= 63 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')
            ? $"\"{name}\""
            : throw new ArgumentException($"'{name}' is not a database name of 1 to 63 characters from [a-z0-9_].", nameof(name));

    private static PostgresServer Start()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new PostgresServer(configured);
        }

        var bin = FindBinaries();
        var directory = Path.Combine(Path.GetTempPath(), $"ticket-triage-pg-{Guid.NewGuid():N}");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        // PostgreSQL refuses to run as root; the Debian package creates the postgres user to run it as instead.
        var asPostgres = Environment.UserName == "root";
        Directory.CreateDirectory(directory);
        try
        {
            if (asPostgres)
            {
                Run(directory, asPostgres: false, "chown", "-R", "postgres:postgres", directory);
            }

            Run(directory, asPostgres, Path.Combine(bin, "initdb"), "-D", Path.Combine(directory, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");

            // fsync and friends are off only because this cluster is thrown away: a crash may lose it whole.
            var options = $"-p {port} -c listen_addresses=127.0.0.1 -k {directory} -c max_connections=500"
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            Run(directory, asPostgres, Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(directory, "data"), "-l", Path.Combine(directory, "log"), "-w", "-t", "60", "start", "-o", options);

            var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres");
            server.WaitUntilReady(directory);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(directory, asPostgres, bin);
            return server;
        }
        catch
        {
            // The exception already carries the log; a test process that crashes on it never raises ProcessExit.
            Stop(directory, asPostgres, bin);
            throw;
        }
    }

    private void WaitUntilReady(string directory)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var connection = new NpgsqlConnection(AdminConnectionString);
                connection.Open();
                return;
            }
            catch (NpgsqlException) when (waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(200));
            }
            catch (NpgsqlException e)
            {
                throw new InvalidOperationException($"PostgreSQL accepted no connection within 30 s.\nServer log:\n{ReadLog(directory)}", e);
            }
        }
    }

    private static string FindBinaries() =>
        (Directory.Exists(BinariesRoot) ? Directory.GetDirectories(BinariesRoot) : [])
            .Where(path => File.Exists(Path.Combine(path, "bin", "initdb")) && File.Exists(Path.Combine(path, "bin", "pg_ctl")))
            .Select(path => (Major: int.TryParse(Path.GetFileName(path), out var major) ? major : -1, Bin: Path.Combine(path, "bin")))
            .OrderByDescending(c => c.Major)
            .Select(c => c.Bin)
            .FirstOrDefault()
        ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need initdb and pg_ctl under {BinariesRoot}/<version>/bin: install Debian's 'postgresql' package "
            + $"(apt-get install postgresql), or set {EnvironmentVariable} to the connection string of a server that may create databases.");

    private static void Run(string directory, bool asPostgres, string program, params string[] arguments)
    {
        // Working in the cluster's directory spares initdb, run as postgres, a warning that it cannot enter ours.
        var start = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments]) : new ProcessStartInfo(program, arguments);
        start.WorkingDirectory = directory;
        start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{program} {string.Join(' ', arguments)}' exited with {process.ExitCode}:\n{output}{errors.GetAwaiter().GetResult()}\nServer log:\n{ReadLog(directory)}");
        }
    }

    private static string ReadLog(string directory) =>
        File.Exists(Path.Combine(directory, "log")) ? File.ReadAllText(Path.Combine(directory, "log")) : "(none)";

    private static void Stop(string directory, bool asPostgres, string bin)
    {
        Action[] steps =
        [
            () => Run(directory, asPostgres, Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(directory, "data"), "stop", "-m", "immediate"),
            () => Directory.Delete(directory, recursive: true),
        ];
        foreach (var step in steps)
        {
            try
            {
                step();
            }
            catch (Exception)
            {
                // Best effort: the test process is exiting, or already failing with a better error.
            }
        }
    }
}
