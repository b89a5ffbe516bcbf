using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketTriage.Api.Infrastructure;

namespace TicketTriage.Api.Tickets;

/// <summary>
/// A page of a ticket's notes or history, oldest first. The cursor is the id of the last entry read: entries are
/// only ever appended, so the next page starts right after it, with no gaps or repeats while more arrive.
/// </summary>
internal sealed record EntryPage(int Size, long After, Dictionary<string, string[]> Errors)
{
    public const int DefaultSize = 100;

    public bool IsValid => Errors.Count == 0;

    public static EntryPage Parse(string? limit, string? cursor)
    {
        var errors = new Dictionary<string, string[]>();
        var size = PageLimit.Parse(limit, DefaultSize, errors);

        long after = 0;
        if (cursor is not null && (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 1))
        {
            errors["cursor"] = ["cursor is not one this API issued; pass the nextCursor of the previous page unchanged."];
        }

        return new EntryPage(size, after, errors);
    }

    public ValidationProblem Problem() => TypedResults.ValidationProblem(Errors, type: Problems.Validation, title: "The page request is not valid");

    /// <summary>The cursor of the page after this one, or null when the rows read (one more than a page) end here.</summary>
    public string? NextCursor<T>(List<T> rows, Func<T, long> id) =>
        rows.Count > Size ? id(rows[Size - 1]).ToString(CultureInfo.InvariantCulture) : null;
}
