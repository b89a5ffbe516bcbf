using TicketTriage.Core.Sla;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Sla;

/// <summary>The validated SLA set-up: a policy for every priority and the warning share.</summary>
internal sealed class SlaSettings
{
    public Dictionary<Priority, SlaPolicy> Policies { get; } = [];

    public double WarningShare { get; set; }

    public List<string> Errors { get; } = [];

    public SlaPolicy For(Priority priority) => Policies[priority];
}
