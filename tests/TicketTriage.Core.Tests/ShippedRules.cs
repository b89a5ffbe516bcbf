using System.Text.Json;
using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

/// <summary>The default rules file that ships with the API (src/TicketTriage.Api/triage.json).</summary>
internal static class ShippedRules
{
    private static readonly JsonSerializerOptions FileFormat = new(JsonSerializerDefaults.Web);

    public static TriageDefinition LoadDefinition()
    {
        var json = File.ReadAllText(Path.Combine(FindRepositoryRoot(), "src", "TicketTriage.Api", "triage.json"));
        return JsonSerializer.Deserialize<TriageDefinition>(json, FileFormat)
            ?? throw new InvalidOperationException("triage.json holds no definition.");
    }

    public static TriageEngine BuildEngine()
    {
        var (engine, errors) = TriageEngine.Build(LoadDefinition());
        Assert.Empty(errors);
        Assert.NotNull(engine);
        return engine;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TicketTriage.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains TicketTriage.slnx.");
    }
}
