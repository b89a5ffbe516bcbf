namespace TicketTriage.Api.Groups;

/// <summary>Every assignment group declared in the triage rules.</summary>
public sealed record GroupList(IReadOnlyList<GroupResponse> Items);
