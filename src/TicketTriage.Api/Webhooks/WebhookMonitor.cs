using Microsoft.Extensions.Options;
using TicketTriage.Api.Infrastructure;

namespace TicketTriage.Api.Webhooks;

/// <summary>Delivers queued events every <c>Webhooks:DeliveryInterval</c>.</summary>
internal sealed class WebhookMonitor(IServiceScopeFactory scopes, TimeProvider time, IOptions<WebhookOptions> options, ILogger<WebhookMonitor> logger)
    : PeriodicMonitor(scopes, time, logger)
{
    protected override bool Enabled => options.Value.MonitorEnabled;

    protected override TimeSpan Interval => options.Value.DeliveryInterval;

    protected override string PassName => "Webhook delivery";

    protected override Task RunPassAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(now, cancellationToken);
}
