using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketTriage.Api.Auth;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Tokens;
using TicketTriage.Api.Users;

namespace TicketTriage.Api.CommandLine;

/// <summary>
/// Administration from the shell, on the same configuration as the service:
/// <c>users create --email E --role R</c> (password on standard input) and
/// <c>tokens create --email E --name N [--scope ingest] [--expires 2027-01-01]</c> (prints the token only) and
/// <c>backup --to F</c> (a consistent copy of the SQLite database, safe while the service runs) and
/// <c>migrate-data --from SQLITE --to POSTGRES</c> (copies every row; both ends are given on the command line).
/// </summary>
internal static class AdminCommands
{
    private const string Usage = """
        usage:
          users create --email <email> --role <Admin|Agent|Viewer>     (reads the password from standard input)
          tokens create --email <email> --name <name> [--scope full|ingest] [--expires <ISO-8601>]
          backup --to <file>                                           (a new file; never overwrites one)
          migrate-data --from <sqlite connection string> --to <postgres connection string>
                                                                       (stop the service first; run it again to resume or check)
        """;

    public static bool IsCommand(string[] args) => args.Length >= 1 && args[0] is "users" or "tokens" or "backup" or "migrate-data";

    /// <summary>Runs a command and returns the process exit code; messages go to standard error.</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args, TextReader input, TextWriter output, TextWriter errors)
    {
        if (args[0] == "backup")
        {
            return await BackupAsync(app, args, errors);
        }

        if (args[0] == "migrate-data")
        {
            return await MigrateDataAsync(args, output, errors);
        }

        var options = Options(args.Skip(2));
        if (args.Length < 2 || args[1] != "create" || options is null)
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        if (!await SchemaReadyAsync(db, scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value, errors))
        {
            return 1;
        }

        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TriageUser>>();
        return args[0] == "users"
            ? await CreateUserAsync(users, options, input, errors, time.GetUtcNow())
            : await CreateTokenAsync(db, users, options, output, errors, time.GetUtcNow());
    }

    /// <summary>
    /// Brings the schema up to date as starting the service would; with <c>Database:MigrateOnStartup</c> off,
    /// where the operator applies migrations in one chosen place, only checks that it is, and says so when not.
    /// </summary>
    private static async Task<bool> SchemaReadyAsync(TriageDbContext db, DatabaseOptions options, TextWriter errors)
    {
        if (options.MigrateOnStartup)
        {
            await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
            return true;
        }

        var pending = (await db.Database.GetPendingMigrationsAsync()).Count();
        if (pending == 0)
        {
            return true;
        }

        await errors.WriteLineAsync(
            string.Create(CultureInfo.InvariantCulture, $"The database schema is not up to date ({pending} migrations not applied) ")
            + "and Database:MigrateOnStartup is false, so this command does not apply them. "
            + "Start the instance that migrates first, or run the command with Database__MigrateOnStartup=true.");
        return false;
    }

    private static async Task<int> BackupAsync(WebApplication app, string[] args, TextWriter errors)
    {
        var options = Options(args.Skip(1));
        if (options is null || options.Count != 1 || !options.TryGetValue("to", out var to) || string.IsNullOrWhiteSpace(to))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        if (!db.Database.IsSqlite())
        {
            await errors.WriteLineAsync("backup copies the SQLite database; back up other databases with their own tools.");
            return 1;
        }

        // Quiet on success, like cp: only failures are reported, on standard error.
        var error = await SqliteBackup.CopyAsync(db.Database.GetConnectionString()!, Path.GetFullPath(to), CancellationToken.None);
        if (error is not null)
        {
            await errors.WriteLineAsync(error);
            return 1;
        }

        return 0;
    }

    private static async Task<int> MigrateDataAsync(string[] args, TextWriter output, TextWriter errors)
    {
        // Both ends come from the command line, not from ConnectionStrings:Tickets: an operator moving
        // a service names the database it leaves and the one it moves to.
        var options = Options(args.Skip(1));
        if (options is null
            || options.Count != 2
            || !options.TryGetValue("from", out var from) || string.IsNullOrWhiteSpace(from)
            || !options.TryGetValue("to", out var to) || string.IsNullOrWhiteSpace(to))
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        return await DataMigration.RunAsync(from, to, output, errors, CancellationToken.None);
    }

    private static async Task<int> CreateUserAsync(UserManager<TriageUser> users, Dictionary<string, string> options, TextReader input, TextWriter errors, DateTimeOffset now)
    {
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("role", out var role))
        {
            await errors.WriteLineAsync("users create needs --email and --role.");
            return 2;
        }

        var password = (await input.ReadLineAsync())?.TrimEnd('\r', '\n') ?? string.Empty;
        var (user, problems) = await UserAccounts.CreateAsync(users, email, password, role, now);
        if (user is null)
        {
            foreach (var (field, messages) in problems)
            {
                await errors.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
            }

            return 1;
        }

        await errors.WriteLineAsync($"Created {user.Role} {user.Email}.");
        return 0;
    }

    private static async Task<int> CreateTokenAsync(
        TriageDbContext db,
        UserManager<TriageUser> users,
        Dictionary<string, string> options,
        TextWriter output,
        TextWriter errors,
        DateTimeOffset now)
    {
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("name", out var name))
        {
            await errors.WriteLineAsync("tokens create needs --email and --name.");
            return 2;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null || user.Disabled)
        {
            await errors.WriteLineAsync($"No active user has email {email}.");
            return 1;
        }

        var scope = options.GetValueOrDefault("scope", TriageClaims.FullScope);
        if (scope is not (TriageClaims.FullScope or TriageClaims.IngestScope) || !ApiTokenIssuer.MayHold(user.Role, scope))
        {
            await errors.WriteLineAsync($"--scope must be full or ingest, and ingest needs an Agent or Admin ({email} is {user.Role}).");
            return 2;
        }

        DateTimeOffset? expires = null;
        if (options.TryGetValue("expires", out var text))
        {
            if (!DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed) || parsed <= now)
            {
                await errors.WriteLineAsync("--expires must be a future ISO-8601 date or instant.");
                return 2;
            }

            expires = parsed;
        }

        var (_, secret) = await ApiTokenIssuer.IssueAsync(db, user.Id, name, scope, expires, now, CancellationToken.None);
        await output.WriteLineAsync(secret);
        return 0;
    }

    private static Dictionary<string, string>? Options(IEnumerable<string> args)
    {
        var list = args.ToList();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i += 2)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= list.Count)
            {
                return null;
            }

            options[list[i][2..]] = list[i + 1];
        }

        return options;
    }
}
