namespace TicketTriage.Api.Infrastructure;

/// <summary>
/// A background loop that runs one pass of work per interval on the injected clock, each pass in its
/// own scope; a pass that fails is logged and the next tick tries again, so one bad pass never
/// stops the loop. Idle when switched off, but always registered, so configuration read late (tests)
/// still counts.
/// </summary>
internal abstract partial class PeriodicMonitor(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>What the log calls a pass, such as "SLA scan".</summary>
    protected abstract string PassName { get; }

    protected abstract Task RunPassAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // At the stored precision, as every request's writes are: what a pass writes reads back the same.
                await RunPassAsync(scope.ServiceProvider, StoredInstant.Now(time), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, PassName, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Pass} failed; the next tick tries again")]
    private static partial void LogPassFailed(ILogger logger, string pass, Exception exception);
}
