using System.Globalization;

namespace TicketTriage.Core.Tickets;

/// <summary>The human ticket number (INC0000042) derived from the never-reused ticket id.</summary>
public static class TicketNumber
{
    public const string Prefix = "INC";

    // Written straight into the one string: every ticket on every page carries its number.
    public static string Format(long id) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{id:D7}");

    public static bool TryParse(ReadOnlySpan<char> text, out long id)
    {
        id = 0;
        return text.Length > Prefix.Length
            && text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && long.TryParse(text[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && id > 0;
    }
}
