using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketTriage.Api.Sla;

namespace TicketTriage.Api.Persistence;

internal static class PersistenceServiceCollectionExtensions
{
    public const string ConnectionStringName = "Tickets";

    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .Validate(options => Enum.IsDefined(options.Provider), "Database:Provider must be Sqlite or Postgres.")
            .ValidateOnStart();

        services.AddSingleton<SqliteConnectionSettings>();
        services.AddSingleton<SqliteWriterQueue>();
        // Pooled: every authenticated request needs a context for its token, and building one per
        // request cost more than the token lookup itself. No thread-safety checks: EF's detector sets
        // an async-local twice for every row read (two allocations and an execution-context copy per
        // row), and each context here belongs to one request or one background scope.
        services.AddDbContextPool<SqliteTriageDbContext>((sp, options) => options
            .UseSqlite(ConnectionString(sp))
            .EnableThreadSafetyChecks(false)
            .AddInterceptors(sp.GetRequiredService<SqliteConnectionSettings>(), sp.GetRequiredService<SqliteWriterQueue>(), sp.GetRequiredService<SlaScheduling>()));
        services.AddDbContextPool<PostgresTriageDbContext>((sp, options) => options
            .UseNpgsql(ConnectionString(sp))
            .EnableThreadSafetyChecks(false)
            .AddInterceptors(sp.GetRequiredService<SlaScheduling>(), new PreparedQueryInterceptor()));
        services.AddScoped<TriageDbContext>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
        {
            DatabaseProvider.Sqlite => sp.GetRequiredService<SqliteTriageDbContext>(),
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresTriageDbContext>(),
            _ => throw new InvalidOperationException("Unknown database provider."),
        });

        // Any instance can read a cookie or anti-forgery token another instance issued.
        services.AddDataProtection()
            .SetApplicationName("TicketTriage")
            .PersistKeysToDbContext<TriageDbContext>();

        services.AddHostedService<DatabaseMigrator>();
        services.AddHealthChecks().AddDbContextCheck<TriageDbContext>("database", tags: ["ready"]);
        return services;
    }

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");
}
