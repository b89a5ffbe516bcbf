using System.Text.RegularExpressions;

namespace TicketTriage.Api.Tests.Telemetry;

/// <summary>The names in a Prometheus text exposition: what a query can select.</summary>
internal static partial class ScrapedMetrics
{
    /// <summary>The name of every sample line (histograms give their _bucket, _sum and _count series).</summary>
    public static HashSet<string> SeriesNames(string exposition) =>
        [.. exposition.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => SampleName().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Value)];

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*")]
    private static partial Regex SampleName();
}
