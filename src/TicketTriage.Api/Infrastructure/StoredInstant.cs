namespace TicketTriage.Api.Infrastructure;

/// <summary>
/// The current instant at the precision the database keeps (milliseconds), so that what a write
/// answers equals what a later read returns, and cursors built from either compare equal.
/// </summary>
internal static class StoredInstant
{
    public static DateTimeOffset Now(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
