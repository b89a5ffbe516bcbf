using Microsoft.Extensions.Options;

namespace TicketTriage.Api.AutoClose;

/// <summary>Runs the auto-close scan every scan interval on the injected clock.</summary>
internal sealed partial class AutoCloseMonitor(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<LifecycleOptions> options,
    ILogger<AutoCloseMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Always registered and idle when switched off, so that configuration read late (tests) still counts.
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
                var scanner = scope.ServiceProvider.GetRequiredService<AutoCloseScanner>();
                await scanner.ScanAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed scan must not stop the loop; the next tick tries again.
                LogScanFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Auto-close scan failed")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
