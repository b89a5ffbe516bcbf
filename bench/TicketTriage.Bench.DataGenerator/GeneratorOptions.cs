using System.Globalization;

namespace TicketTriage.Bench.DataGenerator;

/// <summary>The command line: what to generate and where.</summary>
internal sealed class GeneratorOptions
{
    public const string Usage = """
        Fills a Ticket Triage SQLite database with realistic tickets, as the service stores them.

        Usage: TicketTriage.Bench.DataGenerator --count N --out FILE [options]

          --count N        tickets to generate (default 10000)
          --out FILE       the database file to write (default bench/data/tickets.db)
          --overwrite      replace FILE if it exists (otherwise an existing FILE is an error)
          --reuse          keep FILE as it is when it already holds exactly N tickets and no migration is pending
          --seed N         random seed, for repeatable data (default 42)
          --days N         creation dates spread over the N days before --end (default 730)
          --end INSTANT    the present of the generated data, ISO-8601 (default: now)
          --rules FILE     triage rules (default: src/TicketTriage.Api/triage.json of this repository)
          --no-history     skip the "created" history entry of each ticket
        """;

    public int Count { get; private set; } = 10_000;

    public string Out { get; private set; } = Path.Combine("bench", "data", "tickets.db");

    public bool Overwrite { get; private set; }

    public bool Reuse { get; private set; }

    public int Seed { get; private set; } = 42;

    public int Days { get; private set; } = 730;

    public DateTimeOffset? End { get; private set; }

    public string? Rules { get; private set; }

    public bool History { get; private set; } = true;

    public bool Help { get; private set; }

    public static GeneratorOptions Parse(string[] args)
    {
        var options = new GeneratorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--count":
                    options.Count = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--out":
                    options.Out = Value();
                    break;
                case "--overwrite":
                    options.Overwrite = true;
                    break;
                case "--reuse":
                    options.Reuse = true;
                    break;
                case "--seed":
                    options.Seed = int.Parse(Value(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    break;
                case "--days":
                    options.Days = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--end":
                    options.End = DateTimeOffset.Parse(Value(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime();
                    break;
                case "--rules":
                    options.Rules = Value();
                    break;
                case "--no-history":
                    options.History = false;
                    break;
                case "-h" or "--help":
                    options.Help = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        if (options.Count < 1 || options.Days < 1)
        {
            throw new ArgumentException("--count and --days must be at least 1.");
        }

        return options;
    }
}
