using System.Text.Json;
using System.Text.Json.Serialization;
using TicketTriage.Api.Infrastructure;

namespace TicketTriage.Api.Webhooks;

/// <summary>Event bodies in the API's own JSON conventions (camelCase, string enums, UTC Z instants).</summary>
internal static class WebhookJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new UtcTimestampJsonConverter() },
    };
}
