using System.Text.Json;
using TicketTriage.Bench.DataGenerator;
using TicketTriage.Core.Triage;

GeneratorOptions options;
try
{
    options = GeneratorOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(GeneratorOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(GeneratorOptions.Usage);
    return 0;
}

var path = Path.GetFullPath(options.Out);
if (File.Exists(path))
{
    if (options.Reuse && TicketDatabase.IsReusable(path, options.Count, options.History, out var why))
    {
        Console.WriteLine($"Reusing {options.Out}: {why}.");
        return 0;
    }

    if (!options.Overwrite && !options.Reuse)
    {
        Console.Error.WriteLine($"{options.Out} exists; pass --overwrite to replace it or --reuse to keep it when it fits.");
        return 1;
    }

    TicketDatabase.Delete(path);
}

var rulesPath = options.Rules ?? FindRules();
var definition = JsonSerializer.Deserialize<TriageDefinition>(File.ReadAllText(rulesPath), JsonSerializerOptions.Web)
    ?? throw new InvalidOperationException($"{rulesPath} holds no definition.");
var (engine, errors) = TriageEngine.Build(definition);
if (engine is null)
{
    Console.Error.WriteLine($"{rulesPath}: {string.Join(" ", errors)}");
    return 1;
}

// The SLA policies come from the service's settings next to its rules file.
var sla = SlaSetup.Load(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(rulesPath))!, "appsettings.json"));
var end = TicketFactory.Milliseconds(options.End ?? TimeProvider.System.GetUtcNow());
var statistics = TicketDatabase.Generate(path, options, engine, sla, end);
Console.WriteLine(statistics);
return 0;

// The rules the service ships, found from the working directory or the program's own folder upwards.
static string FindRules()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "TicketTriage.Api", "triage.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
    }

    throw new FileNotFoundException("src/TicketTriage.Api/triage.json was not found above the working directory; pass --rules.");
}
