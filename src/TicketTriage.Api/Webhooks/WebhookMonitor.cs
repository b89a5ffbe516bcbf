using Microsoft.Extensions.Options;

namespace TicketTriage.Api.Webhooks;

/// <summary>Delivers queued events every delivery interval on the injected clock.</summary>
internal sealed partial class WebhookMonitor(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<WebhookOptions> options,
    ILogger<WebhookMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.MonitorEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.DeliveryInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery pass failed; the next pass retries")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
