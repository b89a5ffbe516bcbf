using Microsoft.AspNetCore.Http.HttpResults;
using TicketTriage.Bench.Ceiling;

// The ceiling: the least an ASP.NET Core app on this machine can do for each kind of request the
// service serves, to compare the service against. Run with --urls and --database FILE (a new file
// is created and filled with --rows items, default 100000).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, CeilingJsonContext.Default));
builder.Services.AddSingleton(_ => ItemStore.Open(
    builder.Configuration["database"] ?? Path.Combine(Path.GetTempPath(), "ceiling.db"),
    builder.Configuration.GetValue("rows", 100_000)));

var app = builder.Build();
app.Services.GetRequiredService<ItemStore>();

app.MapGet("/ping", () => TypedResults.Text("pong"));

// One durable insert per request, like creating a ticket: WAL, synchronous=FULL, committed before the answer.
app.MapPost("/items", Created<Item> (NewItem item, ItemStore store) =>
{
    var stored = store.Insert(item);
    return TypedResults.Created($"/items/{stored.Id}", stored);
});

// A first page by an indexed column, newest first, like a filtered ticket list.
app.MapGet("/items", Ok<List<Item>> (string group, ItemStore store) => TypedResults.Ok(store.Page(group, 50)));

app.Run();
