using System.Text.Json;
using TicketTriage.Api.Infrastructure;
using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Tickets;

/// <summary>
/// Reads a merge-patch body into an update, naming every field that is unknown, read-only, of the
/// wrong type or out of range, so a client learns all of it from one answer.
/// </summary>
internal static class TicketPatch
{
    private static readonly Dictionary<string, string> ReadOnlyFields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "the id is assigned when the ticket is created",
        ["number"] = "the number is assigned when the ticket is created",
        ["priority"] = "priority is computed from impact and urgency; change those instead",
        ["createdAt"] = "the creation time is recorded by the service",
        ["updatedAt"] = "the update time is recorded by the service",
        ["respondedAt"] = "the response time is recorded by the service",
        ["resolvedAt"] = "the resolution time is recorded by the service",
        ["closedAt"] = "the close time is recorded by the service",
        ["reopenCount"] = "reopens are counted by the service",
        ["caller"] = "the caller is recorded when the ticket is created",
        ["cancelReason"] = "send reason with status Cancelled",
        ["triage"] = "the triage explanation is recorded when the ticket is created",
    };

    public static TicketUpdate Parse(JsonElement body, TriageEngine engine, Dictionary<string, string[]> errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["The body must be a JSON object holding the fields to change."];
            return new TicketUpdate();
        }

        var update = new TicketUpdate();
        string? status = null;
        string? holdReason = null;
        string? resolutionCode = null;
        string? resolutionNotes = null;
        string? reason = null;
        foreach (var property in body.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            switch (name)
            {
                case "title":
                    var title = Text(value, name, errors, nullable: false);
                    if (title is not null && title.Trim().Length is < 1 or > Ticket.TitleMaxLength)
                    {
                        errors[name] = [$"title must be 1 to {Ticket.TitleMaxLength} characters long, not counting leading and trailing spaces."];
                    }

                    update = update with { Title = title };
                    break;
                case "description":
                    var description = Text(value, name, errors, nullable: true, Ticket.DescriptionMaxLength);
                    update = update with { Description = description, ClearDescription = value.ValueKind == JsonValueKind.Null };
                    break;
                case "impact":
                    update = update with { Impact = Severity(value, name, errors) };
                    break;
                case "urgency":
                    update = update with { Urgency = Severity(value, name, errors) };
                    break;
                case "assignmentGroup":
                    var group = Text(value, name, errors, nullable: false);
                    if (group is not null)
                    {
                        var known = engine.Groups.FirstOrDefault(candidate => string.Equals(candidate, group.Trim(), StringComparison.OrdinalIgnoreCase));
                        if (known is null)
                        {
                            errors[name] = [$"assignmentGroup '{group}' is not a known group; GET /api/v1/groups lists them."];
                        }

                        update = update with { AssignmentGroup = known };
                    }

                    break;
                case "assignee":
                    var assignee = Text(value, name, errors, nullable: true, Ticket.AssigneeMaxLength);
                    update = update with
                    {
                        Assignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee,
                        ClearAssignee = value.ValueKind == JsonValueKind.Null || (assignee is not null && string.IsNullOrWhiteSpace(assignee)),
                    };
                    break;
                case "status":
                    status = Text(value, name, errors, nullable: false);
                    break;
                case "holdReason":
                    holdReason = Text(value, name, errors, nullable: false);
                    break;
                case "resolutionCode":
                    resolutionCode = Text(value, name, errors, nullable: false);
                    break;
                case "resolutionNotes":
                    resolutionNotes = Text(value, name, errors, nullable: false, Ticket.DescriptionMaxLength);
                    break;
                case "reason":
                    reason = Text(value, name, errors, nullable: false, Ticket.ReasonMaxLength);
                    break;
                default:
                    errors[name] = ReadOnlyFields.TryGetValue(name, out var why)
                        ? [$"'{name}' cannot be changed: {why}."]
                        : [$"'{name}' is not a ticket field that can be changed; the fields are title, description, impact, urgency, assignmentGroup, assignee, status, holdReason, resolutionCode, resolutionNotes and reason."];
                    break;
            }
        }

        var parsedHold = ParseEnum<HoldReason>(holdReason, "holdReason", errors);
        var parsedCode = ParseEnum<ResolutionCode>(resolutionCode, "resolutionCode", errors);
        if (status is not null)
        {
            var to = ParseEnum<TicketStatus>(status, "status", errors);
            if (to is { } target)
            {
                update = update with { Status = new StatusMove(target, parsedHold, parsedCode, resolutionNotes, reason) };
            }
        }
        else if (holdReason is not null || resolutionCode is not null || resolutionNotes is not null)
        {
            var field = holdReason is not null ? "holdReason" : resolutionCode is not null ? "resolutionCode" : "resolutionNotes";
            errors[field] = [$"{field} goes with a status change; send status too."];
        }

        if (reason is not null && update.AssignmentGroup is null)
        {
            if (status is null)
            {
                errors["reason"] = ["reason goes with a change of assignmentGroup or of status."];
            }
            else if (update.Status?.To == TicketStatus.Resolved)
            {
                errors["reason"] = ["reason does not go with status Resolved: resolutionNotes say what was done."];
            }
        }

        return update with { GroupReason = update.AssignmentGroup is null ? null : reason };
    }

    private static string? Text(JsonElement value, string name, Dictionary<string, string[]> errors, bool nullable, int maxLength = int.MaxValue)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!nullable)
            {
                errors[name] = [$"{name} cannot be null."];
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[name] = [$"{name} must be a string."];
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            errors[name] = [$"{name} must be at most {maxLength} characters long."];
            return null;
        }

        return text;
    }

    private static int? Severity(JsonElement value, string name, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && Core.Triage.Severity.IsValid(number))
        {
            return number;
        }

        errors[name] = [$"{name} must be 1 (high), 2 (medium) or 3 (low)."];
        return null;
    }

    private static T? ParseEnum<T>(string? text, string name, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        if (EnumNames.TryParse<T>(text, out var value))
        {
            return value;
        }

        errors[name] = [$"Unknown {name} '{text}'; use one of {string.Join(", ", Enum.GetNames<T>())}."];
        return null;
    }
}
