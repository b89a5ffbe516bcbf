namespace TicketTriage.Core.Triage;

/// <summary>
/// Splits text into words without allocating: a word is a run of letters and digits, and an
/// apostrophe between two such characters stays inside it so that "VPN's" is one word.
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
        while (start < text.Length && !char.IsLetterOrDigit(text[start]))
        {
            start++;
        }

        if (start == text.Length)
        {
            _position = start;
            Current = default;
            return false;
        }

        var end = start + 1;
        while (end < text.Length)
        {
            var c = text[end];
            if (char.IsLetterOrDigit(c))
            {
                end++;
            }
            else if (IsApostrophe(c) && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]))
            {
                end += 2;
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
