using BenchmarkDotNet.Running;
using TicketTriage.Bench;

// dotnet run -c Release --project bench/TicketTriage.Bench.Triage -- --filter '*' --job short
ResultLines.Print("TRIAGE_RESULT", BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args));
