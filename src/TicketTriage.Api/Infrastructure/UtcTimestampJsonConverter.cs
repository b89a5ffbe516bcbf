using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketTriage.Api.Infrastructure;

/// <summary>Writes instants as UTC ISO-8601 with a Z suffix and millisecond precision, the precision stored.</summary>
internal sealed class UtcTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    // A page of tickets writes hundreds of instants: formatted straight into UTF-8, not through a string each.
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<byte> utf8 = stackalloc byte[Format.Length];
        if (!value.UtcDateTime.TryFormat(utf8, out var written, Format, CultureInfo.InvariantCulture))
        {
            throw new FormatException($"{value:O} does not fit the timestamp format.");
        }

        writer.WriteStringValue(utf8[..written]);
    }
}
