using Microsoft.Extensions.Options;

namespace TicketTriage.Api.Triage;

internal static class TriageServiceCollectionExtensions
{
    public static IServiceCollection AddTriage(this IServiceCollection services)
    {
        services.AddOptions<TriageOptions>()
            .BindConfiguration(TriageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<TriageRulesLoader>();
        services.AddSingleton<IConfigureOptions<TriageRules>>(sp => sp.GetRequiredService<TriageRulesLoader>());
        services.AddSingleton<IValidateOptions<TriageRules>>(sp => sp.GetRequiredService<TriageRulesLoader>());
        services.AddOptions<TriageRules>().ValidateOnStart();

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TriageRules>>().Value.Engine!);
        return services;
    }
}
