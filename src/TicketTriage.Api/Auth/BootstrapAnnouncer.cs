using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Persistence;

namespace TicketTriage.Api.Auth;

/// <summary>
/// On a fresh install (no user yet) prints the one-time token that creates the first Admin, as
/// installers print an initial password. Runs after the migrator, so the users table exists.
/// </summary>
internal sealed partial class BootstrapAnnouncer(IServiceProvider services, BootstrapToken bootstrap, ILogger<BootstrapAnnouncer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        LogBootstrap(logger, bootstrap.Issue());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The one secret this service ever logs, on purpose: it can do nothing but create the first Admin.
    [LoggerMessage(Level = LogLevel.Warning, Message = "No user exists yet. Create the first Admin within this run with: curl -X POST <service>/api/v1/users -H 'Authorization: Bearer {BootstrapToken}' -H 'Content-Type: application/json' -d '{{\"email\":\"you@example.com\",\"password\":\"<12+ characters>\",\"role\":\"Admin\"}}'")]
    private static partial void LogBootstrap(ILogger logger, string bootstrapToken);
}
