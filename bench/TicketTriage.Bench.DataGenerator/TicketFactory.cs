using System.Text;
using TicketTriage.Api.Sla;
using TicketTriage.Api.Tickets;
using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Bench.DataGenerator;

/// <summary>
/// Makes tickets the way the service does: the text is triaged by the real engine and opened with
/// <see cref="Ticket.Open"/>, then worked through the real lifecycle (<see cref="Ticket.Update"/>,
/// <see cref="Ticket.AutoClose"/>) at plausible times, stopping at the present, and its SLA clocks
/// are scheduled and their crossings recorded as the service's scan would have. So every stored
/// field (responded, resolved, closed and cancelled times, response and resolution seconds, SLA
/// pauses and thresholds, reopen count, version) is what the service itself would have written.
/// </summary>
internal sealed class TicketFactory
{
    /// <summary>Roughly one ticket in 2,000 mentions it: the rare word of the search workload.</summary>
    public const string RareWord = "Reykjavik";

    private const int RareOneIn = 2_000;

    private static readonly TimeSpan AutoCloseAfter = TimeSpan.FromDays(3);

    private readonly TriageEngine _engine;
    private readonly SlaSettings _sla;
    private readonly Random _random;
    private readonly TextFiller _text;
    private readonly DateTimeOffset _now;
    private readonly bool _history;
    private readonly IncidentKind[] _kindByWeight;
    private readonly Dictionary<string, string[]> _agentsByGroup;
    private readonly StringBuilder _description = new(2048);
    private readonly string[] _servicedeskAgents;

    public TicketFactory(TriageEngine engine, SlaSettings sla, Random random, DateTimeOffset now, bool history)
    {
        _engine = engine;
        _sla = sla;
        _random = random;
        _text = new TextFiller(random);
        _now = now;
        _history = history;
        _kindByWeight = [.. IncidentCatalog.Kinds.SelectMany(kind => Enumerable.Repeat(kind, kind.Weight))];
        _agentsByGroup = engine.Groups.ToDictionary(
            group => group,
            group => Enumerable.Range(0, 8).Select(_ => _text.Caller().Split('@')[0].Replace(' ', '.').ToLowerInvariant()).ToArray(),
            StringComparer.OrdinalIgnoreCase);
        _servicedeskAgents = [.. _agentsByGroup.Values.SelectMany(agents => agents).Take(12)];
    }

    public GeneratedTicket Create(long id, DateTimeOffset createdAt)
    {
        var kind = _kindByWeight[_random.Next(_kindByWeight.Length)];
        _text.NewTicket();
        var title = Capitalized(_text.Fill(_text.Pick(kind.Titles)));
        var description = Describe(kind);
        var caller = _random.Next(20) == 0 ? null : _text.Caller();

        var triage = _engine.Triage(title, description, Draw(ImpactWeights), Draw(UrgencyWeights));
        var openedBy = OpenedBy();
        var ticket = Ticket.Open(title, description, caller, triage, createdAt, openedBy);
        var created = _history ? TicketHistory.Created(ticket, openedBy) : null;
        Live(ticket, kind, createdAt);

        // As the service's SLA scan leaves it at the present: what is pending scheduled, what was crossed recorded.
        ticket.ScheduleSla(_sla.For(ticket.Priority), _sla.WarningShare, _now);
        ticket.RecordSlaCrossings(_now);
        return new GeneratedTicket(id, ticket, created);
    }

    /// <summary>
    /// Who opened it, as the service records the actor: an agent's email for tickets taken on the
    /// phone or at the desk, "email (token name)" for those a mail gateway or monitoring tool sent in.
    /// </summary>
    private string OpenedBy() => _random.Next(10) switch
    {
        < 5 => $"{_text.Pick(_servicedeskAgents)}@example.com",
        < 8 => "intake@example.com (mail gateway)",
        _ => "monitoring@example.com (zabbix)",
    };

    private static ReadOnlySpan<int> ImpactWeights => [10, 35, 55];

    private static ReadOnlySpan<int> UrgencyWeights => [15, 45, 40];

    private string Describe(IncidentKind kind)
    {
        var text = _description.Clear();
        _text.Append(text, _text.Pick(kind.Openings));
        var details = _random.Next(1, 4);
        for (var i = 0; i < details; i++)
        {
            text.Append(' ');
            _text.Append(text, _text.Pick(kind.Details));
        }

        if (_random.Next(RareOneIn) == 0)
        {
            text.Append(" I am visiting the ").Append(RareWord).Append(" office this week.");
        }

        var closings = _random.Next(0, 3);
        for (var i = 0; i < closings; i++)
        {
            text.Append(' ');
            _text.Append(text, _text.Pick(IncidentCatalog.Closings));
        }

        // One ticket in ten pastes a log or an earlier conversation, as callers do.
        if (_random.Next(10) == 0)
        {
            text.Append("\n\n--- Earlier message ---\n");
            _text.Append(text, _text.Pick(kind.Openings));
            text.Append(' ');
            _text.Append(text, _text.Pick(kind.Details));
        }

        return text.ToString();
    }

    /// <summary>Works the ticket through its life: most are answered, resolved and closed; some stall or are cancelled.</summary>
    private void Live(Ticket ticket, IncidentKind kind, DateTimeOffset createdAt)
    {
        var fate = _random.NextDouble();
        var at = createdAt;

        if (fate < 0.045)
        {
            // Cancelled, straight from New or after someone picked it up.
            if (fate < 0.025 || !TryAdvance(ref at, ResponseDelay(ticket.Priority)) || !Apply(ticket, at, Pick(ticket), new StatusMove(TicketStatus.InProgress)))
            {
                at = createdAt;
            }

            if (TryAdvance(ref at, Between(TimeSpan.FromMinutes(10), TimeSpan.FromDays(2))))
            {
                Apply(ticket, at, null, new StatusMove(TicketStatus.Cancelled, Reason: _text.Pick(IncidentCatalog.CancelReasons)));
            }

            return;
        }

        // Everything else is picked up; a few stay New for good (the forgotten backlog).
        if (fate < 0.05 || !TryAdvance(ref at, ResponseDelay(ticket.Priority))
            || !Apply(ticket, at, Pick(ticket), new StatusMove(TicketStatus.InProgress)))
        {
            return;
        }

        if (fate < 0.08)
        {
            return;
        }

        var holds = fate < 0.095 || _random.Next(6) == 0;
        if (holds)
        {
            var reason = (HoldReason)_random.Next(3);
            if (!TryAdvance(ref at, Between(TimeSpan.FromMinutes(10), TimeSpan.FromDays(1)))
                || !Apply(ticket, at, null, new StatusMove(TicketStatus.OnHold, HoldReason: reason))
                || fate < 0.095
                || !TryAdvance(ref at, Between(TimeSpan.FromHours(1), TimeSpan.FromDays(3)))
                || !Apply(ticket, at, null, new StatusMove(TicketStatus.InProgress)))
            {
                return;
            }
        }

        var resolveAt = Milliseconds(createdAt + ResolveTime(ticket.Priority));
        at = resolveAt > at ? resolveAt : at + TimeSpan.FromMinutes(5);
        if (!Resolve(ticket, kind, at))
        {
            return;
        }

        // One resolution in 25 does not hold and the ticket is reopened and resolved again.
        if (_random.Next(25) == 0)
        {
            if (!TryAdvance(ref at, Between(TimeSpan.FromHours(1), TimeSpan.FromDays(2)))
                || !Apply(ticket, at, null, new StatusMove(TicketStatus.InProgress, Reason: _text.Pick(IncidentCatalog.ReopenReasons)))
                || !TryAdvance(ref at, Between(TimeSpan.FromHours(1), TimeSpan.FromDays(2)))
                || !Resolve(ticket, kind, at))
            {
                return;
            }
        }

        // Most resolved tickets close by themselves after the wait; some callers confirm the fix sooner.
        if (_random.Next(10) < 7)
        {
            var closeAt = Milliseconds(at + AutoCloseAfter + Between(TimeSpan.Zero, TimeSpan.FromMinutes(1)));
            if (closeAt <= _now)
            {
                Check(ticket.AutoClose(closeAt).Count > 0, "auto-close");
            }
        }
        else if (TryAdvance(ref at, Between(TimeSpan.FromMinutes(10), AutoCloseAfter)))
        {
            Apply(ticket, at, null, new StatusMove(TicketStatus.Closed, Reason: "The caller confirmed the fix."));
        }
    }

    private bool Resolve(Ticket ticket, IncidentKind kind, DateTimeOffset at)
    {
        var code = _random.Next(10) switch
        {
            < 7 => ResolutionCode.Fixed,
            7 => ResolutionCode.Workaround,
            8 => ResolutionCode.UserError,
            _ => _random.Next(2) == 0 ? ResolutionCode.NotReproducible : ResolutionCode.Duplicate,
        };
        return Apply(ticket, at, null, new StatusMove(TicketStatus.Resolved, ResolutionCode: code, ResolutionNotes: _text.Fill(_text.Pick(kind.Resolutions))));
    }

    /// <summary>Applies one change at the given time, unless that time is still in the future.</summary>
    private bool Apply(Ticket ticket, DateTimeOffset at, string? assignee, StatusMove move)
    {
        if (at > _now)
        {
            return false;
        }

        var (changes, error) = ticket.Update(new TicketUpdate { Assignee = assignee, Status = move }, _engine.Matrix, at);
        Check(error is null && changes.Count > 0, $"{ticket.Status} -> {move.To}: {error}");
        return true;
    }

    private bool TryAdvance(ref DateTimeOffset at, TimeSpan by)
    {
        var next = Milliseconds(at + by);
        if (next > _now)
        {
            return false;
        }

        at = next;
        return true;
    }

    private string Pick(Ticket ticket)
    {
        var agents = _agentsByGroup[ticket.AssignmentGroup];
        return agents[_random.Next(agents.Length)];
    }

    /// <summary>Time to first response: minutes for P1, hours for P4, with a long tail.</summary>
    private TimeSpan ResponseDelay(Priority priority) => Skewed(priority switch
    {
        Priority.P1 => TimeSpan.FromMinutes(8),
        Priority.P2 => TimeSpan.FromMinutes(30),
        Priority.P3 => TimeSpan.FromHours(2),
        _ => TimeSpan.FromHours(6),
    });

    private TimeSpan ResolveTime(Priority priority) => Skewed(priority switch
    {
        Priority.P1 => TimeSpan.FromHours(4),
        Priority.P2 => TimeSpan.FromHours(20),
        Priority.P3 => TimeSpan.FromDays(3),
        _ => TimeSpan.FromDays(5),
    });

    /// <summary>A log-normal spread around the typical duration (a quarter to four times it, mostly).</summary>
    private TimeSpan Skewed(TimeSpan typical)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
        var factor = Math.Exp(0.7 * normal);
        return TimeSpan.FromSeconds(Math.Max(60, typical.TotalSeconds * factor));
    }

    private TimeSpan Between(TimeSpan min, TimeSpan max) => min + ((max - min) * _random.NextDouble());

    private int Draw(ReadOnlySpan<int> weights)
    {
        var total = 0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var roll = _random.Next(total);
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i + 1;
            }
        }

        return weights.Length;
    }

    /// <summary>"the payroll system crashes" as a title reads "The payroll system crashes".</summary>
    private static string Capitalized(string title) =>
        char.IsLower(title[0]) ? string.Concat(char.ToUpperInvariant(title[0]).ToString(), title.AsSpan(1)) : title;

    /// <summary>The database keeps milliseconds, as the service's clock does.</summary>
    public static DateTimeOffset Milliseconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The lifecycle refused a generated change: {what}.");
        }
    }
}
