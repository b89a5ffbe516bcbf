using Microsoft.Extensions.Options;

namespace TicketTriage.Api.Lifecycle;

internal static class LifecycleServiceCollectionExtensions
{
    public static IServiceCollection AddLifecycle(this IServiceCollection services)
    {
        services.AddOptions<LifecycleOptions>()
            .BindConfiguration(LifecycleOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<AutoCloseScanner>();

        // Registered always and idle when switched off, so that configuration read late (tests) still counts.
        services.AddHostedService(sp => sp.GetRequiredService<IOptions<LifecycleOptions>>().Value.MonitorEnabled
            ? ActivatorUtilities.CreateInstance<AutoCloseMonitor>(sp)
            : (IHostedService)new NoBackgroundWork());
        return services;
    }

    private sealed class NoBackgroundWork : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
