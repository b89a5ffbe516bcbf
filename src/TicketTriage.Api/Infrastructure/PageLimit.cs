using System.Globalization;

namespace TicketTriage.Api.Infrastructure;

/// <summary>The <c>limit</c> every paginated list takes: a whole number of items per page, at most <see cref="Max"/>.</summary>
internal static class PageLimit
{
    public const int Max = 500;

    /// <summary>The page size <paramref name="limit"/> asks for, or <paramref name="defaultSize"/> when it is absent; anything else adds an error for <c>limit</c>.</summary>
    public static int Parse(string? limit, int defaultSize, IDictionary<string, string[]> errors)
    {
        if (limit is null)
        {
            return defaultSize;
        }

        if (int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= Max)
        {
            return size;
        }

        errors["limit"] = [$"limit must be a whole number from 1 to {Max}."];
        return defaultSize;
    }
}
