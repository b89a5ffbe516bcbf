using Microsoft.Extensions.Options;

namespace TicketTriage.Api.Sla;

/// <summary>Runs the SLA scan every <c>Sla:ScanInterval</c> on the injected clock.</summary>
internal sealed partial class SlaBreachMonitor(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<SlaOptions> options,
    ILogger<SlaBreachMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.MonitorEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SlaBreachScanner>().ScanAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed scan must not stop the loop; the next tick tries again.
                LogScanFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SLA scan failed")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
