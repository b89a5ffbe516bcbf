using System.Globalization;
using System.Text;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Bench.DataGenerator;

/// <summary>What was generated, how fast, and how the tickets spread over statuses, priorities and groups.</summary>
internal sealed class LoadStatistics(string path)
{
    private readonly SortedDictionary<string, long> _byStatus = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _byPriority = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _byGroup = new(StringComparer.Ordinal);

    public long Tickets { get; private set; }

    public long Events { get; set; }

    public long RareWordTickets { get; private set; }

    public TimeSpan MigratedIn { get; set; }

    public TimeSpan LoadedIn { get; set; }

    public TimeSpan GeneratedIn { get; set; }

    public TimeSpan InsertedIn { get; set; }

    public TimeSpan? SearchIndexedIn { get; set; }

    public string? SearchIndex { get; set; }

    public TimeSpan Total { get; set; }

    public long Bytes { get; set; }

    public string? Newest { get; set; }

    public string? Oldest { get; set; }

    public void Count(Ticket ticket)
    {
        Tickets++;
        Increment(_byStatus, ticket.Status.ToString());
        Increment(_byPriority, ticket.Priority.ToString());
        Increment(_byGroup, ticket.AssignmentGroup);
        if (ticket.Description?.Contains(TicketFactory.RareWord, StringComparison.Ordinal) == true)
        {
            RareWordTickets++;
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Wrote {Tickets:N0} tickets and {Events:N0} history entries to {path} ({Bytes / 1024.0 / 1024.0:N0} MiB)");
        text.AppendLine(culture, $"  schema (EF migrations)  {MigratedIn.TotalSeconds,7:N1} s");
        text.AppendLine(culture, $"  bulk load               {LoadedIn.TotalSeconds,7:N1} s  {Tickets / LoadedIn.TotalSeconds:N0} tickets/s, {(Tickets + Events) / LoadedIn.TotalSeconds:N0} rows/s");
        text.AppendLine(culture, $"    generating            {GeneratedIn.TotalSeconds,7:N1} s  (text, triage and lifecycle, on a second thread)");
        text.AppendLine(culture, $"    inserting             {InsertedIn.TotalSeconds,7:N1} s");
        if (SearchIndexedIn is { } indexed)
        {
            text.AppendLine(culture, $"  search index            {indexed.TotalSeconds,7:N1} s  ({SearchIndex})");
        }

        text.AppendLine(culture, $"  total                   {Total.TotalSeconds,7:N1} s  {Tickets / Total.TotalSeconds:N0} tickets/s (GC pauses {GC.GetTotalPauseDuration().TotalSeconds:N1} s)");
        text.AppendLine(culture, $"  status    {Spread(_byStatus)}");
        text.AppendLine(culture, $"  priority  {Spread(_byPriority)}");
        text.AppendLine(culture, $"  group     {Spread(_byGroup)}");
        text.AppendLine(culture, $"  tickets mentioning the rare word '{TicketFactory.RareWord}': {RareWordTickets:N0}");
        text.AppendLine(culture, $"  oldest    {Oldest}");
        text.Append(culture, $"  newest    {Newest}");
        return text.ToString();
    }

    private string Spread(SortedDictionary<string, long> counts) =>
        string.Join(", ", counts.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key} {100.0 * pair.Value / Tickets:N1}%")));

    private static void Increment(SortedDictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
