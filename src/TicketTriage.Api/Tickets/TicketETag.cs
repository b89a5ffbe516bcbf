using System.Globalization;
using Microsoft.Net.Http.Headers;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Tickets;

/// <summary>The ticket's version as an HTTP entity tag, and the If-Match check against it.</summary>
internal static class TicketETag
{
    public static string Of(Ticket ticket) => $"\"{ticket.Version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Write(HttpResponse response, Ticket ticket) => response.Headers.ETag = Of(ticket);

    /// <summary>True when If-Match is absent, is "*", or names the ticket's current version (weak or strong).</summary>
    public static bool Matches(HttpRequest request, Ticket ticket)
    {
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return true;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(Of(ticket));
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
