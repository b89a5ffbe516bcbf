using Microsoft.Extensions.Options;

namespace TicketTriage.Api.Telemetry;

/// <summary>Refreshes the open-ticket counts at start and then every refresh interval on the injected clock.</summary>
internal sealed partial class OpenTicketsMonitor(
    OpenTicketCounts counts,
    TimeProvider time,
    IOptions<MetricsOptions> options,
    ILogger<OpenTicketsMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host does not wait for the first count.
        await Task.Yield();
        await RefreshAsync(stoppingToken);

        using var timer = new PeriodicTimer(options.Value.OpenTicketsRefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RefreshAsync(stoppingToken);
        }
    }

    private async Task RefreshAsync(CancellationToken stoppingToken)
    {
        try
        {
            await counts.RefreshAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The gauge keeps its last counts; the next tick tries again.
            LogRefreshFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count open tickets for the metrics; the gauge keeps its last values")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
