using System.Globalization;

namespace TicketTriage.Core.Tickets;

/// <summary>The human ticket number (INC0000042) derived from the never-reused ticket id.</summary>
public static class TicketNumber
{
    public const string Prefix = "INC";

    public static string Format(long id) => Prefix + id.ToString("D7", CultureInfo.InvariantCulture);

    public static bool TryParse(ReadOnlySpan<char> text, out long id)
    {
        id = 0;
        return text.Length > Prefix.Length
            && text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && long.TryParse(text[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && id > 0;
    }
}
