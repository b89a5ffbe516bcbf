using BenchmarkDotNet.Running;
using TicketTriage.Bench;

// TRIAGE_BENCH_DATABASE=bench/data/tickets-1000000.db dotnet run -c Release --project bench/TicketTriage.Bench.PageRead -- --filter '*' --job short
ResultLines.Print("PAGE_READ_RESULT", BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args));
