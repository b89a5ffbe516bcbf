using System.Globalization;
using System.Text;

namespace TicketTriage.Core.Triage;

/// <summary>
/// Splits text into words without allocating: a word is a run of letters, digits and combining
/// marks (so decomposed "nai\u0308ve" and Hindi stay whole), letters outside the basic plane
/// included, and an apostrophe between two such characters stays inside it so that "VPN's" is one word.
/// </summary>
public ref struct WordTokenizer(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> _text = text;
    private int _position;

    public ReadOnlySpan<char> Current { get; private set; }

    public bool MoveNext()
    {
        var text = _text;
        var start = _position;
        int width;
        while (start < text.Length && (width = WordCharWidth(text, start)) == 0)
        {
            start++;
        }

        if (start == text.Length)
        {
            _position = start;
            Current = default;
            return false;
        }

        var end = start + WordCharWidth(text, start);
        while (end < text.Length)
        {
            if ((width = WordCharWidth(text, end)) > 0)
            {
                end += width;
            }
            else if (IsApostrophe(text[end]) && end + 1 < text.Length && WordCharWidth(text, end + 1) > 0)
            {
                end++;
            }
            else
            {
                break;
            }
        }

        Current = text[start..end];
        _position = end;
        return true;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>How many chars the word character at index takes (2 for a surrogate pair), or 0 for a separator.</summary>
    private static int WordCharWidth(ReadOnlySpan<char> text, int index)
    {
        var c = text[index];
        if (char.IsAsciiLetterOrDigit(c))
        {
            return 1;
        }

        if (char.IsHighSurrogate(c))
        {
            return index + 1 < text.Length
                && Rune.TryCreate(c, text[index + 1], out var rune)
                && Rune.IsLetterOrDigit(rune) ? 2 : 0;
        }

        return char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark ? 1 : 0;
    }

    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var tokenizer = new WordTokenizer(text);
        while (tokenizer.MoveNext())
        {
            words.Add(tokenizer.Current.ToString());
        }

        return words;
    }
}
