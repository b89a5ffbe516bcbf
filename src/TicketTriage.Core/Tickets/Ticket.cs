using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tickets;

/// <summary>An incident ticket. Its priority and group come from triage and never from the caller.</summary>
public sealed class Ticket
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 10_000;
    public const int CallerMaxLength = 200;

    // For the persistence layer, which fills the properties itself.
    private Ticket()
    {
    }

    public long Id { get; private set; }

    public string Number => Id == 0 ? string.Empty : TicketNumber.Format(Id);

    public string Title { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public int Impact { get; private set; }

    public int Urgency { get; private set; }

    public Priority Priority { get; private set; }

    public string AssignmentGroup { get; private set; } = string.Empty;

    public TicketStatus Status { get; private set; }

    public string? Caller { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The rule that routed the ticket at creation, or null when it fell back to the default group.</summary>
    public string? RoutingRuleId { get; private set; }

    public List<string> MatchedTerms { get; private set; } = [];

    /// <summary>Opens a ticket from a triage result; the caller has already checked the field limits.</summary>
    public static Ticket Open(string title, string? description, string? caller, TriageResult triage, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(triage);
        return new Ticket
        {
            Title = title.Trim(),
            Description = description,
            Caller = caller,
            Impact = triage.Cell.Impact,
            Urgency = triage.Cell.Urgency,
            Priority = triage.Priority,
            AssignmentGroup = triage.AssignmentGroup,
            RoutingRuleId = triage.Routing.RuleId,
            MatchedTerms = [.. triage.Routing.MatchedTerms],
            Status = TicketStatus.New,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>The triage decision recorded when the ticket was opened.</summary>
    public TriageResult RecordedTriage =>
        new(new MatrixCell(Impact, Urgency, Priority), new RoutingDecision(RoutingRuleId, AssignmentGroup, MatchedTerms));
}
