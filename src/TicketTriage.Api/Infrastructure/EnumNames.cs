namespace TicketTriage.Api.Infrastructure;

/// <summary>
/// Reads an enum value by its name only. Enum.TryParse also takes numbers ("+1"), padded numbers and
/// comma lists that it combines into another value ("InProgress, OnHold"): none of those is API.
/// </summary>
internal static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(candidate => string.Equals(candidate, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }
}
