using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;

namespace TicketTriage.Api.Tickets;

/// <summary>
/// The position after the last ticket of a page in newest-first order. Paging by position rather than
/// offset means tickets added meanwhile neither repeat nor push others out of the next page.
/// </summary>
internal readonly record struct TicketCursor(DateTimeOffset CreatedAt, long Id)
{
    private const byte Version = 1;
    private const int Length = 1 + sizeof(long) + sizeof(long);

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], CreatedAt.UtcTicks);
        BinaryPrimitives.WriteInt64BigEndian(bytes[9..], Id);
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

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
        var id = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(9));
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks || id <= 0)
        {
            return false;
        }

        cursor = new TicketCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
