using System.Globalization;
using BenchmarkDotNet.Reports;

namespace TicketTriage.Bench;

/// <summary>After BenchmarkDotNet's own tables, one line per benchmark that bench/run.sh reads.</summary>
internal static class ResultLines
{
    public static void Print(string prefix, IEnumerable<Summary> summaries)
    {
        foreach (var report in summaries.SelectMany(summary => summary.Reports))
        {
            if (report.ResultStatistics is not { } statistics)
            {
                continue;
            }

            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{prefix} method={report.BenchmarkCase.Descriptor.WorkloadMethod.Name} mean_ns={statistics.Mean:F1} per_second={1e9 / statistics.Mean:F0} allocated_bytes={allocated}"));
        }
    }
}
