using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketTriage.Bench.Ceiling;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(NewItem))]
[JsonSerializable(typeof(List<Item>))]
internal sealed partial class CeilingJsonContext : JsonSerializerContext;
