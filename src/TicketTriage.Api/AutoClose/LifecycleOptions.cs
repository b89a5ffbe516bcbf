using System.ComponentModel.DataAnnotations;

namespace TicketTriage.Api.AutoClose;

internal sealed class LifecycleOptions
{
    public const string SectionName = "Lifecycle";

    /// <summary>How long a resolved ticket waits for the caller before it closes by itself.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00", ErrorMessage = "Lifecycle:AutoCloseAfter must be between 00:01:00 and 365.00:00:00.")]
    public TimeSpan AutoCloseAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often the auto-close scan runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Lifecycle:ScanInterval must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    public bool MonitorEnabled { get; set; } = true;
}
