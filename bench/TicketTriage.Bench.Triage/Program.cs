using System.Globalization;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/TicketTriage.Bench.Triage -- --filter '*' --job short
// After BenchmarkDotNet's own tables, one TRIAGE_RESULT line per benchmark for bench/run.sh.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
foreach (var report in summaries.SelectMany(summary => summary.Reports))
{
    if (report.ResultStatistics is not { } statistics)
    {
        continue;
    }

    var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? -1;
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"TRIAGE_RESULT method={report.BenchmarkCase.Descriptor.WorkloadMethod.Name} mean_ns={statistics.Mean:F1} per_second={1e9 / statistics.Mean:F0} allocated_bytes={allocated}"));
}
