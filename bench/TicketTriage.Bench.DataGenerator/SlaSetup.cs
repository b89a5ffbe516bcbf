using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using TicketTriage.Api.Sla;

namespace TicketTriage.Bench.DataGenerator;

/// <summary>The SLA policies the service would run with: its defaults, overridden by the "Sla" section of its appsettings.json.</summary>
internal static class SlaSetup
{
    public static SlaSettings Load(string appSettingsPath)
    {
        var options = new SlaOptions();
        if (File.Exists(appSettingsPath))
        {
            new ConfigurationBuilder().AddJsonFile(appSettingsPath).Build().GetSection(SlaOptions.SectionName).Bind(options);
        }

        var settings = new SlaSettings();
        new SlaSettingsLoader(Options.Create(options)).Configure(settings);
        return settings.Errors.Count == 0
            ? settings
            : throw new InvalidOperationException($"{appSettingsPath}: {string.Join(" ", settings.Errors)}");
    }
}
