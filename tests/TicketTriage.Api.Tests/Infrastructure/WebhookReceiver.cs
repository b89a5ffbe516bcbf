using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TicketTriage.Api.Tests.Infrastructure;

/// <summary>A real HTTP receiver on a loopback port that records every delivery and can fail on purpose.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Runs before each answer, while the sender waits, as a receiver that is slow to answer.</summary>
    public Func<Task>? WhileAnswering { get; set; }

    /// <summary>Every request received, answered or not, in arrival order.</summary>
    public ConcurrentQueue<Delivery> Requests { get; } = new();

    /// <summary>Events accepted with a 2xx, at most once per event id, as an idempotent receiver keeps them.</summary>
    public ConcurrentDictionary<string, Delivery> Accepted { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(int failFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app) { _failuresLeft = failFirst };
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var delivery = new Delivery(
                context.Request.Headers["X-Event-Id"].ToString(),
                context.Request.Headers["X-Event-Type"].ToString(),
                context.Request.Headers["X-Signature-256"].ToString(),
                body);
            receiver.Requests.Enqueue(delivery);

            // Decided on arrival, so a request that comes in while an earlier one is still being answered is not refused in its place.
            var refuse = Interlocked.Decrement(ref receiver._failuresLeft) >= 0;
            if (receiver.WhileAnswering is { } answering)
            {
                await answering();
            }

            if (refuse)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            receiver.Accepted.TryAdd(delivery.EventId, delivery);
            return Results.Ok();
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = new Uri(new Uri(address), "/hooks");
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public sealed record Delivery(string EventId, string EventType, string Signature, string Body);
}
