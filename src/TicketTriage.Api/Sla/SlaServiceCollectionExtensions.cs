using Microsoft.Extensions.Options;

namespace TicketTriage.Api.Sla;

internal static class SlaServiceCollectionExtensions
{
    public static IServiceCollection AddSla(this IServiceCollection services)
    {
        services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.SectionName);
        services.AddSingleton<SlaSettingsLoader>();
        services.AddSingleton<IConfigureOptions<SlaSettings>>(sp => sp.GetRequiredService<SlaSettingsLoader>());
        services.AddSingleton<IValidateOptions<SlaSettings>>(sp => sp.GetRequiredService<SlaSettingsLoader>());
        services.AddOptions<SlaSettings>().ValidateOnStart();
        services.AddSingleton<SlaEvaluator>();
        services.AddSingleton<SlaScheduling>();
        services.AddScoped<SlaBreachScanner>();
        services.AddHostedService<SlaBreachMonitor>();
        return services;
    }
}
