using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Triage;

/// <summary>The rules file as loaded at start-up: the engine it builds, or why it could not.</summary>
internal sealed class TriageRules
{
    public string Path { get; set; } = string.Empty;

    public TriageEngine? Engine { get; set; }

    public List<string> Errors { get; } = [];
}
