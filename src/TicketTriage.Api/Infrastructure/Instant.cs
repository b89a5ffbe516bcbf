using System.Globalization;

namespace TicketTriage.Api.Infrastructure;

/// <summary>Instants in query strings: ISO-8601, UTC unless an offset is given.</summary>
internal static class Instant
{
    public static DateTimeOffset? Parse(string? text, string name, IDictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            && text.Length >= 10 && char.IsDigit(text[0]))
        {
            return instant.ToUniversalTime();
        }

        errors[name] = [$"{name} must be an ISO-8601 date or instant, such as 2026-11-01 or 2026-11-01T09:30:00Z."];
        return null;
    }

    public static void CheckOrder(DateTimeOffset? from, DateTimeOffset? to, string fromName, string toName, IDictionary<string, string[]> errors)
    {
        if (from is not null && to is not null && from >= to)
        {
            errors[toName] = [$"{toName} must be later than {fromName}."];
        }
    }
}
