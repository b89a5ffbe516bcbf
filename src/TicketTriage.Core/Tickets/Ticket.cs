using TicketTriage.Core.Sla;
using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tickets;

/// <summary>An incident ticket. Its priority and group come from triage and never from the caller.</summary>
public sealed class Ticket
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 10_000;
    public const int CallerMaxLength = 200;
    public const int AssigneeMaxLength = 200;
    public const int ReasonMaxLength = 2_000;

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

    /// <summary>Who opened the ticket: a user, or the name of the token a tool used.</summary>
    public string OpenedBy { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string? Assignee { get; private set; }

    public HoldReason? HoldReason { get; private set; }

    public ResolutionCode? ResolutionCode { get; private set; }

    public string? ResolutionNotes { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>First time the ticket left New or got a work note, whichever came first.</summary>
    public DateTimeOffset? RespondedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>Periods the resolution clock did not run: On Hold, and Resolved before a reopen.</summary>
    public List<PausePeriod> SlaPauses { get; private set; } = [];

    /// <summary>The next instants the SLA scan must act on (null when nothing is pending); kept by <see cref="ScheduleSla"/>.</summary>
    public DateTimeOffset? ResponseWarningDueAt { get; private set; }

    public DateTimeOffset? ResponseBreachDueAt { get; private set; }

    public DateTimeOffset? ResolutionWarningDueAt { get; private set; }

    public DateTimeOffset? ResolutionBreachDueAt { get; private set; }

    /// <summary>When each threshold was crossed; each is recorded once.</summary>
    public DateTimeOffset? ResponseWarnedAt { get; private set; }

    public DateTimeOffset? ResponseBreachedAt { get; private set; }

    public DateTimeOffset? ResolutionWarnedAt { get; private set; }

    public DateTimeOffset? ResolutionBreachedAt { get; private set; }

    public int ReopenCount { get; private set; }

    /// <summary>Whole seconds from creation to first response, kept as a number so reports can average it in SQL.</summary>
    public long? ResponseSeconds { get; private set; }

    /// <summary>Whole seconds from creation to the latest resolution.</summary>
    public long? ResolutionSeconds { get; private set; }

    /// <summary>Grows by one with every write; the API's ETag and the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>The rule that routed the ticket at creation, or null when it fell back to the default group.</summary>
    public string? RoutingRuleId { get; private set; }

    /// <summary>The group the routing rules chose at creation, kept when someone reassigns the ticket.</summary>
    public string RoutedGroup { get; private set; } = string.Empty;

    public List<string> MatchedTerms { get; private set; } = [];

    /// <summary>Opens a ticket from a triage result; the caller has already checked the field limits.</summary>
    public static Ticket Open(string title, string? description, string? caller, TriageResult triage, DateTimeOffset now, string openedBy = Actors.Anonymous)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(triage);
        return new Ticket
        {
            Title = UnicodeText.Composed(title.Trim()),
            Description = UnicodeText.Composed(description),
            Caller = UnicodeText.Composed(caller),
            OpenedBy = openedBy,
            Impact = triage.Cell.Impact,
            Urgency = triage.Cell.Urgency,
            Priority = triage.Priority,
            AssignmentGroup = triage.AssignmentGroup,
            RoutedGroup = triage.AssignmentGroup,
            Version = 1,
            RoutingRuleId = triage.Routing.RuleId,
            MatchedTerms = [.. triage.Routing.MatchedTerms],
            Status = TicketStatus.New,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>The triage decision: the current matrix cell and the routing made when the ticket was opened.</summary>
    public TriageResult RecordedTriage =>
        new(new MatrixCell(Impact, Urgency, Priority), new RoutingDecision(RoutingRuleId, RoutedGroup, MatchedTerms));

    public bool IsOpen => Lifecycle.OpenStatuses.Contains(Status);

    /// <summary>
    /// Works out when the SLA scan must next look at this ticket, from the policy of its current
    /// priority. Called after every change, because a hold, a resume, a reopen or a new priority
    /// moves those instants; thresholds already recorded are not scheduled again.
    /// </summary>
    public void ScheduleSla(SlaPolicy policy, double warningShare, DateTimeOffset now)
    {
        (ResponseWarnedAt, ResponseWarningDueAt) = Threshold(ResponseWarnedAt, TicketSla.WhenReached(this, SlaClockKind.Response, policy, warningShare, now), now);
        (ResponseBreachedAt, ResponseBreachDueAt) = Threshold(ResponseBreachedAt, TicketSla.WhenReached(this, SlaClockKind.Response, policy, 1, now), now);
        (ResolutionWarnedAt, ResolutionWarningDueAt) = Threshold(ResolutionWarnedAt, TicketSla.WhenReached(this, SlaClockKind.Resolution, policy, warningShare, now), now);
        (ResolutionBreachedAt, ResolutionBreachDueAt) = Threshold(ResolutionBreachedAt, TicketSla.WhenReached(this, SlaClockKind.Resolution, policy, 1, now), now);
    }

    /// <summary>
    /// A recorded crossing stands while the current policy still has the clock past that threshold. A priority
    /// change to a longer target takes it back, so that the ticket's state, the <c>slaState</c> lists and the
    /// compliance agree with its clocks, and the scan records the crossing again if the new target is reached.
    /// </summary>
    private static (DateTimeOffset? Recorded, DateTimeOffset? Due) Threshold(DateTimeOffset? recorded, DateTimeOffset? reachedAt, DateTimeOffset now) =>
        recorded is not null && reachedAt <= now ? (recorded, null) : (null, reachedAt);

    /// <summary>Records every threshold passed by now that was not recorded yet, warning before breach, and returns them.</summary>
    public IReadOnlyList<SlaCrossing> RecordSlaCrossings(DateTimeOffset now)
    {
        var crossings = new List<SlaCrossing>();
        if (ResponseWarningDueAt <= now)
        {
            ResponseWarnedAt = ResponseWarningDueAt;
            ResponseWarningDueAt = null;
            crossings.Add(new SlaCrossing(SlaClockKind.Response, false, ResponseWarnedAt!.Value));
        }

        if (ResponseBreachDueAt <= now)
        {
            ResponseBreachedAt = ResponseBreachDueAt;
            ResponseBreachDueAt = null;
            crossings.Add(new SlaCrossing(SlaClockKind.Response, true, ResponseBreachedAt!.Value));
        }

        if (ResolutionWarningDueAt <= now)
        {
            ResolutionWarnedAt = ResolutionWarningDueAt;
            ResolutionWarningDueAt = null;
            crossings.Add(new SlaCrossing(SlaClockKind.Resolution, false, ResolutionWarnedAt!.Value));
        }

        if (ResolutionBreachDueAt <= now)
        {
            ResolutionBreachedAt = ResolutionBreachDueAt;
            ResolutionBreachDueAt = null;
            crossings.Add(new SlaCrossing(SlaClockKind.Resolution, true, ResolutionBreachedAt!.Value));
        }

        return crossings;
    }

    /// <summary>
    /// Applies every change of an update or none: the status move is checked before anything is
    /// touched. Returns the fields that changed; an update that changes nothing changes no version.
    /// </summary>
    public (IReadOnlyList<FieldChange> Changes, UpdateError? Error) Update(TicketUpdate update, PriorityMatrix matrix, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(matrix);
        if (Lifecycle.IsFinal(Status))
        {
            return ([], new UpdateError.TicketIsFinal(Status));
        }

        if (CheckMove(update.Status) is { } moveError)
        {
            return ([], moveError);
        }

        if (update.AssignmentGroup is not null && string.IsNullOrWhiteSpace(update.GroupReason))
        {
            return ([], new UpdateError.MissingOrUnexpectedField("reason", "reason is required when assignmentGroup is changed by hand: say why the rules' choice is overridden."));
        }

        var changes = new List<FieldChange>();
        if (update.Title is not null)
        {
            Set(changes, TicketField.Title, Title, UnicodeText.Composed(update.Title.Trim()), value => Title = value!);
        }

        if (update.ClearDescription || update.Description is not null)
        {
            Set(changes, TicketField.Description, Description, update.ClearDescription ? null : UnicodeText.Composed(update.Description), value => Description = value);
        }

        if (update.Impact is not null || update.Urgency is not null)
        {
            var cell = matrix.Resolve(update.Impact ?? Impact, update.Urgency ?? Urgency);
            Set(changes, TicketField.Impact, Impact, cell.Impact, value => Impact = value);
            Set(changes, TicketField.Urgency, Urgency, cell.Urgency, value => Urgency = value);
            Set(changes, TicketField.Priority, Priority, cell.Priority, value => Priority = value);
        }

        var regrouped = update.AssignmentGroup is not null && !string.Equals(update.AssignmentGroup, AssignmentGroup, StringComparison.Ordinal);
        if (update.AssignmentGroup is not null)
        {
            Set(changes, TicketField.AssignmentGroup, AssignmentGroup, update.AssignmentGroup, value => AssignmentGroup = value!, update.GroupReason!.Trim());
        }

        // A ticket handed to another group goes to that group's queue: whoever held it in the old group lets it go,
        // unless the same change names who takes it.
        if (update.ClearAssignee || update.Assignee is not null || regrouped)
        {
            Set(changes, TicketField.Assignee, Assignee, update.ClearAssignee ? null : update.Assignee?.Trim(), value => Assignee = value);
        }

        if (update.Status is { } move && move.To != Status)
        {
            Move(changes, move, now);
        }
        else if (update.Status is { } stay)
        {
            // Staying in the status while giving its reason changes the reason: a new hold reason or a corrected resolution.
            if (Status == TicketStatus.OnHold && stay.HoldReason is not null)
            {
                Set(changes, TicketField.HoldReason, HoldReason, stay.HoldReason, value => HoldReason = value);
            }

            if (Status == TicketStatus.Resolved && stay.ResolutionCode is not null)
            {
                Set(changes, TicketField.ResolutionCode, ResolutionCode, stay.ResolutionCode, value => ResolutionCode = value);
            }

            if (Status == TicketStatus.Resolved && !string.IsNullOrWhiteSpace(stay.ResolutionNotes))
            {
                Set(changes, TicketField.ResolutionNotes, ResolutionNotes, stay.ResolutionNotes.Trim(), value => ResolutionNotes = value);
            }
        }

        Touch(changes, now);
        return (changes, null);
    }

    /// <summary>Records a work note: the first one counts as the response if none came before.</summary>
    public IReadOnlyList<FieldChange> AddNote(DateTimeOffset now)
    {
        var changes = new List<FieldChange>();
        Respond(changes, now);
        UpdatedAt = now;
        Version++;
        return changes;
    }

    /// <summary>Closes a resolved ticket whose wait for the caller is over.</summary>
    public IReadOnlyList<FieldChange> AutoClose(DateTimeOffset now)
    {
        if (Status != TicketStatus.Resolved)
        {
            return [];
        }

        var changes = new List<FieldChange>();
        Move(changes, new StatusMove(TicketStatus.Closed, Reason: "Closed automatically after the resolution was not disputed."), now);
        Touch(changes, now);
        return changes;
    }

    private UpdateError? CheckMove(StatusMove? move)
    {
        if (move is null)
        {
            return null;
        }

        if (move.To == Status)
        {
            return move with { To = Status } == new StatusMove(Status) ? null : Unexpected(move, Status);
        }

        if (!Lifecycle.CanMove(Status, move.To))
        {
            return new UpdateError.MoveNotAllowed(Status, move.To, Lifecycle.AllowedMoves(Status));
        }

        return move.To switch
        {
            TicketStatus.OnHold when move.HoldReason is null =>
                Missing("holdReason", $"holdReason is required to put a ticket On Hold: one of {string.Join(", ", Enum.GetNames<HoldReason>())}."),
            TicketStatus.Resolved when move.ResolutionCode is null =>
                Missing("resolutionCode", $"resolutionCode is required to resolve a ticket: one of {string.Join(", ", Enum.GetNames<ResolutionCode>())}."),
            TicketStatus.Resolved when string.IsNullOrWhiteSpace(move.ResolutionNotes) =>
                Missing("resolutionNotes", "resolutionNotes is required to resolve a ticket: say what was done."),
            TicketStatus.Cancelled when string.IsNullOrWhiteSpace(move.Reason) =>
                Missing("reason", "reason is required to cancel a ticket: say why it needs no work."),
            _ => Unexpected(move, move.To),
        };
    }

    private static UpdateError.MissingOrUnexpectedField Missing(string field, string message) => new(field, message);

    private static UpdateError.MissingOrUnexpectedField? Unexpected(StatusMove move, TicketStatus to)
    {
        if (move.HoldReason is not null && to != TicketStatus.OnHold)
        {
            return new("holdReason", "holdReason goes only with status OnHold.");
        }

        if ((move.ResolutionCode is not null || move.ResolutionNotes is not null) && to != TicketStatus.Resolved)
        {
            return new(move.ResolutionCode is not null ? "resolutionCode" : "resolutionNotes", "resolutionCode and resolutionNotes go only with status Resolved.");
        }

        return null;
    }

    private void Move(List<FieldChange> changes, StatusMove move, DateTimeOffset now)
    {
        var from = Status;
        var said = string.IsNullOrWhiteSpace(move.Reason) ? null : move.Reason.Trim();
        var reason = move.To switch
        {
            TicketStatus.OnHold => said is null ? move.HoldReason?.ToString() : $"{move.HoldReason}: {said}",
            TicketStatus.Resolved => $"{move.ResolutionCode}: {move.ResolutionNotes?.Trim()}",
            _ => said,
        };
        Set(changes, TicketField.Status, from, move.To, value => Status = value, reason);

        if (from == TicketStatus.New)
        {
            Respond(changes, now);
        }

        Set(changes, TicketField.HoldReason, HoldReason, move.To == TicketStatus.OnHold ? move.HoldReason : null, value => HoldReason = value);
        if (move.To == TicketStatus.OnHold)
        {
            SlaPauses = [.. SlaPauses, new PausePeriod(now, null)];
        }
        else if (from == TicketStatus.OnHold)
        {
            SlaPauses = [.. SlaPauses.Select(pause => pause.End is null ? pause with { End = now } : pause)];
        }

        if (move.To == TicketStatus.Resolved)
        {
            Set(changes, TicketField.ResolutionCode, ResolutionCode, move.ResolutionCode, value => ResolutionCode = value);
            Set(changes, TicketField.ResolutionNotes, ResolutionNotes, move.ResolutionNotes!.Trim(), value => ResolutionNotes = value);
            Set(changes, TicketField.ResolvedAt, ResolvedAt, now, value => ResolvedAt = value);
            ResolutionSeconds = WholeSecondsSinceCreation(now);
        }
        else if (from == TicketStatus.Resolved && move.To == TicketStatus.InProgress)
        {
            // The resolution clock resumes: the time spent Resolved does not count.
            SlaPauses = [.. SlaPauses, new PausePeriod(ResolvedAt!.Value, now)];
            Set(changes, TicketField.ReopenCount, ReopenCount, ReopenCount + 1, value => ReopenCount = value);
            Set(changes, TicketField.ResolutionCode, ResolutionCode, null, value => ResolutionCode = value);
            Set(changes, TicketField.ResolutionNotes, ResolutionNotes, null, value => ResolutionNotes = value);
            Set(changes, TicketField.ResolvedAt, ResolvedAt, null, value => ResolvedAt = value);
            ResolutionSeconds = null;
        }

        if (move.To == TicketStatus.Closed)
        {
            Set(changes, TicketField.ClosedAt, ClosedAt, now, value => ClosedAt = value);
        }

        if (move.To == TicketStatus.Cancelled)
        {
            Set(changes, TicketField.CancelledAt, CancelledAt, now, value => CancelledAt = value);
            Set(changes, TicketField.CancelReason, CancelReason, move.Reason!.Trim(), value => CancelReason = value);
        }
    }

    private void Respond(List<FieldChange> changes, DateTimeOffset now)
    {
        if (RespondedAt is null)
        {
            Set(changes, TicketField.RespondedAt, RespondedAt, now, value => RespondedAt = value);
            ResponseSeconds = WholeSecondsSinceCreation(now);
        }
    }

    private long WholeSecondsSinceCreation(DateTimeOffset now) => (long)(now - CreatedAt).TotalSeconds;

    private void Touch(List<FieldChange> changes, DateTimeOffset now)
    {
        if (changes.Count > 0)
        {
            UpdatedAt = now;
            Version++;
        }
    }

    private static void Set<T>(List<FieldChange> changes, string field, T current, T value, Action<T> assign, string? reason = null)
    {
        if (EqualityComparer<T>.Default.Equals(current, value))
        {
            return;
        }

        changes.Add(new FieldChange(field, HistoryValue.Of(current), HistoryValue.Of(value), reason));
        assign(value);
    }
}
