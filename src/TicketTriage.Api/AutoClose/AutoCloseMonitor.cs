using Microsoft.Extensions.Options;
using TicketTriage.Api.Infrastructure;

namespace TicketTriage.Api.AutoClose;

/// <summary>Runs the auto-close scan every <c>Lifecycle:ScanInterval</c>.</summary>
internal sealed class AutoCloseMonitor(IServiceScopeFactory scopes, TimeProvider time, IOptions<LifecycleOptions> options, ILogger<AutoCloseMonitor> logger)
    : PeriodicMonitor(scopes, time, logger)
{
    protected override bool Enabled => options.Value.MonitorEnabled;

    protected override TimeSpan Interval => options.Value.ScanInterval;

    protected override string PassName => "Auto-close scan";

    protected override Task RunPassAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<AutoCloseScanner>().ScanAsync(now, cancellationToken);
}
