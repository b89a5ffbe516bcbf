namespace TicketTriage.Bench.DataGenerator;

/// <summary>
/// One kind of incident as people report it: titles, an opening sentence, details to pick from and
/// what the agent wrote when it was fixed. Text may hold {placeholders} that <see cref="TextFiller"/> fills.
/// </summary>
internal sealed record IncidentKind(
    string Name,
    int Weight,
    string[] Titles,
    string[] Openings,
    string[] Details,
    string[] Resolutions);
