using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketTriage.Api.Infrastructure;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Telemetry;

namespace TicketTriage.Api.Webhooks;

/// <summary>
/// One pass over the outbox: sends what is due, signed, and schedules retries with exponential
/// back-off. A message is marked delivered only after a 2xx, so a crash between sending and marking
/// sends it again: receivers deduplicate by X-Event-Id. Instances sharing a database claim each
/// message before sending it, so none is sent by two. Every attempt is counted by event type and
/// outcome, and its HTTP time recorded.
/// </summary>
internal sealed partial class WebhookDispatcher(
    TriageDbContext db,
    IHttpClientFactory clients,
    IOptions<WebhookOptions> options,
    TriageMetrics metrics,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger)
{
    public const string ClientName = "webhooks";
    private const int BatchSize = 50;
    private static readonly TimeSpan ClaimMargin = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Sends every message due at <paramref name="now"/> once; returns how many were delivered. Claims and
    /// outcomes read the clock again: a pass that waits on slow receivers outlasts the instant it began at.
    /// </summary>
    public async Task<int> DeliverDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(message => message.DeliveredAt == null && message.AbandonedAt == null && message.NextAttemptAt <= now)
            .OrderBy(message => message.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var delivered = 0;
        foreach (var message in due)
        {
            if (await ClaimAsync(message, cancellationToken) is not { } lease)
            {
                continue;
            }

            var (error, duration) = await SendAsync(message, cancellationToken);
            var attemptsBefore = message.Attempts;
            message.Attempts++;
            var finishedAt = StoredInstant.Now(time);
            string outcome;
            if (error is null)
            {
                message.DeliveredAt = finishedAt;
                message.LastError = null;
                delivered++;
                outcome = TriageMetrics.Delivered;
            }
            else
            {
                message.LastError = error;
                if (message.Attempts >= options.Value.MaxAttempts)
                {
                    message.AbandonedAt = finishedAt;
                    outcome = TriageMetrics.Abandoned;
                    LogAbandoned(logger, message.EventType, message.EventId, message.Attempts, error);
                }
                else
                {
                    message.NextAttemptAt = finishedAt + RetryDelay(message.Attempts);
                    outcome = TriageMetrics.Failed;
                    LogRetry(logger, message.EventType, message.EventId, message.Attempts, error);
                }
            }

            metrics.WebhookAttempted(message.EventType, outcome, duration);

            // Saved after each message: one that was sent is marked before the next is tried. Only while
            // the lease is still this instance's: if it ran out and another instance took the message
            // over, that instance's attempt and outcome stand and this late one is dropped.
            var recorded = await db.OutboxMessages
                .Where(stored => stored.Id == message.Id
                    && stored.Attempts == attemptsBefore
                    && stored.NextAttemptAt == lease
                    && stored.DeliveredAt == null
                    && stored.AbandonedAt == null)
                .ExecuteUpdateAsync(
                    setters => setters
                        .SetProperty(stored => stored.Attempts, message.Attempts)
                        .SetProperty(stored => stored.DeliveredAt, message.DeliveredAt)
                        .SetProperty(stored => stored.AbandonedAt, message.AbandonedAt)
                        .SetProperty(stored => stored.NextAttemptAt, message.NextAttemptAt)
                        .SetProperty(stored => stored.LastError, message.LastError),
                    cancellationToken);
            if (recorded == 0)
            {
                LogLeaseLost(logger, message.EventType, message.EventId);
            }
        }

        return delivered;
    }

    /// <summary>
    /// Takes a message for this instance: one conditional update moves its next attempt past the
    /// send's time-out, counted from now rather than from the start of the pass, and only the instance
    /// whose update found the message as it read it sends it. Other instances' passes skip it until
    /// the lease runs out, so a message is sent once; if this instance dies mid-send, another retries
    /// it then. Returns the lease, which the outcome must still find in place, or null when another
    /// instance got there first.
    /// </summary>
    private async Task<DateTimeOffset?> ClaimAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var lease = StoredInstant.Now(time) + options.Value.Timeout + ClaimMargin;
        var claimed = await db.OutboxMessages
            .Where(stored => stored.Id == message.Id
                && stored.Attempts == message.Attempts
                && stored.NextAttemptAt == message.NextAttemptAt
                && stored.DeliveredAt == null
                && stored.AbandonedAt == null)
            .ExecuteUpdateAsync(setters => setters.SetProperty(stored => stored.NextAttemptAt, lease), cancellationToken);
        return claimed == 1 ? lease : null;
    }

    /// <summary>first × 2^(attempts-1), capped: 5 s, 10 s, 20 s … up to an hour with the defaults.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var delay = options.Value.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 30));
        return delay < options.Value.MaxRetryDelay ? delay : options.Value.MaxRetryDelay;
    }

    /// <summary>The X-Signature-256 value: "sha256=" and the hex HMAC-SHA256 of the exact body bytes.</summary>
    public static string Signature(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>One attempt: the error (null after a 2xx) and how long the HTTP call took (null when none was made).</summary>
    private async Task<(string? Error, TimeSpan? Duration)> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var endpoint = options.Value.Endpoints.FirstOrDefault(candidate => candidate.Url?.ToString() == message.EndpointUrl);
        if (endpoint is null)
        {
            return ("endpoint no longer configured", null);
        }

        var body = Encoding.UTF8.GetBytes(message.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Event-Id", message.EventId.ToString());
        request.Headers.Add("X-Event-Type", message.EventType);
        if (!string.IsNullOrEmpty(endpoint.Secret))
        {
            request.Headers.Add("X-Signature-256", Signature(body, endpoint.Secret));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);

        // Real elapsed time, not the injected clock: a fake clock in tests would make every attempt take 0 s.
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            return (response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}", Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ("timed out", Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException ex)
        {
            return (ex.HttpRequestError.ToString(), Stopwatch.GetElapsedTime(started));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventType} {EventId} failed on attempt {Attempts} ({Error}); retrying later")]
    private static partial void LogRetry(ILogger logger, string eventType, Guid eventId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {EventType} {EventId} outlasted its claim and another instance took it over; this attempt's outcome is not recorded")]
    private static partial void LogLeaseLost(ILogger logger, string eventType, Guid eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {EventType} {EventId} abandoned after {Attempts} attempts ({Error})")]
    private static partial void LogAbandoned(ILogger logger, string eventType, Guid eventId, int attempts, string error);
}
