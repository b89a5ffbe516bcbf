namespace TicketTriage.Api.AutoClose;

internal static class AutoCloseServiceCollectionExtensions
{
    public static IServiceCollection AddAutoClose(this IServiceCollection services)
    {
        services.AddOptions<LifecycleOptions>()
            .BindConfiguration(LifecycleOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<AutoCloseScanner>();

        services.AddHostedService<AutoCloseMonitor>();
        return services;
    }
}
