using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TicketTriage.Core.Triage;

namespace TicketTriage.Bench.Triage;

/// <summary>
/// Triage of one ~1 KB incident (priority matrix and routing) against the shipped rules and
/// against a large rule set. The text matches several terms, including a phrase, so that
/// allocations per matched term would show in the Allocated column.
/// </summary>
[MemoryDiagnoser]
public class TriageBenchmarks
{
    private TriageEngine _shipped = null!;
    private TriageEngine _large = null!;

    /// <summary>The description, about 1 KB; matches "vpn", "network", "dns", "connectivity" and "packet loss".</summary>
    public static string Description { get; } = string.Join(
        ' ',
        "Since the update on Monday the VPN drops roughly every ten minutes when I work from home, and I lose my session in the payroll system.",
        "My home broadband is fine: speed tests show 200 Mbps down and 20 up, and other devices in the house stream video without trouble.",
        "While the tunnel is up, lookups of internal names fail, so it may be DNS rather than the client itself; the gateway in Leeds behaves the same as London.",
        "Colleagues in Finance report the same thing, so it may not be my machine. Restarting the computer helps for about half an hour and then it starts again.",
        "A ping to the file server loses about one packet in five, which looks like packet loss somewhere between the office network and the gateway.",
        "We have the month-end close on Friday and I need a stable connection for the reconciliation runs; a workaround would be welcome until it is fixed.",
        "Connectivity from the office itself is fine. Please call me on extension 4021 if you need more details, or message me in chat. Thanks in advance, Priya.");

    public static string Title => "VPN disconnects every few minutes";

    [GlobalSetup]
    public void Setup()
    {
        using var json = typeof(TriageBenchmarks).Assembly.GetManifestResourceStream("triage.json")!;
        var definition = JsonSerializer.Deserialize<TriageDefinition>(json, JsonSerializerOptions.Web)!;
        _shipped = Build(definition);
        _large = Build(GeneratedRules.Create(definition, 200, Description));
    }

    [Benchmark(Baseline = true, Description = "shipped rules (10 rules, 95 terms)")]
    public TriageResult ShippedRules() => _shipped.Triage(Title, Description, 2, 2);

    [Benchmark(Description = "200 rules (1,995 terms)")]
    public TriageResult GeneratedRules200() => _large.Triage(Title, Description, 2, 2);

    private static TriageEngine Build(TriageDefinition definition)
    {
        var (engine, errors) = TriageEngine.Build(definition);
        return engine ?? throw new InvalidOperationException(string.Join(" ", errors));
    }
}
