using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Tickets;

/// <summary>
/// The position after the last ticket of a page, in the keys of the page's sort. Paging by position
/// rather than offset means tickets added meanwhile neither repeat nor push others out of the next
/// page, and a deep page costs what a first page does.
/// </summary>
internal readonly record struct TicketCursor(TicketSort Sort, DateTimeOffset CreatedAt, long Id, Priority Priority, double Rank)
{
    private const byte Version = 2;
    private const int Length = 2 + sizeof(long) + sizeof(long) + 1 + sizeof(double);

    public static TicketCursor After(TicketSort sort, Core.Tickets.Ticket ticket, double rank) =>
        new(sort, ticket.CreatedAt, ticket.Id, ticket.Priority, rank);

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        bytes[1] = (byte)Sort;
        BinaryPrimitives.WriteInt64BigEndian(bytes[2..], CreatedAt.UtcTicks);
        BinaryPrimitives.WriteInt64BigEndian(bytes[10..], Id);
        bytes[18] = (byte)Priority;
        BinaryPrimitives.WriteDoubleBigEndian(bytes[19..], Rank);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    public static bool TryDecode(string text, out TicketCursor cursor)
    {
        cursor = default;
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(text);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length != Length || bytes[0] != Version)
        {
            return false;
        }

        var sort = (TicketSort)bytes[1];
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(2));
        var id = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(10));
        var priority = (Priority)bytes[18];
        var rank = BinaryPrimitives.ReadDoubleBigEndian(bytes.AsSpan(19));
        if (!Enum.IsDefined(sort) || !Enum.IsDefined(priority) || double.IsNaN(rank)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || id <= 0)
        {
            return false;
        }

        cursor = new TicketCursor(sort, new DateTimeOffset(ticks, TimeSpan.Zero), id, priority, rank);
        return true;
    }
}
