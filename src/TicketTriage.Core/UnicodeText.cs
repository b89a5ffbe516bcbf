using System.Diagnostics.CodeAnalysis;

namespace TicketTriage.Core;

/// <summary>Text in one Unicode form, so that "café" typed as e + combining accent is the same text as "café".</summary>
public static class UnicodeText
{
    /// <summary>The text in composed form (NFC); text already composed, as almost all is, is returned as it is.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Composed(string? text) => text is null || text.IsNormalized() ? text : text.Normalize();
}
