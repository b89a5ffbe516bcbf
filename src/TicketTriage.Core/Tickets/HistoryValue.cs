using System.Globalization;

namespace TicketTriage.Core.Tickets;

/// <summary>How a field's value is written in history: invariant text, instants as UTC ISO-8601, empty as null.</summary>
public static class HistoryValue
{
    public const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string? Of<T>(T value) => value switch
    {
        null => null,
        DateTimeOffset instant => instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
