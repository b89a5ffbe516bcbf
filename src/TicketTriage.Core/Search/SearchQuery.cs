using System.Globalization;
using System.Text;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Core.Search;

/// <summary>
/// A keyword search as people type it: words AND together, "an exact phrase", a prefix with a
/// trailing star (net*), -word or -"a phrase" to exclude, and the operators OR and NOT in capitals
/// (AND is what words do anyway). Parsed once, then written as an SQLite FTS5 expression or a
/// PostgreSQL tsquery in which every word is quoted, so no input can inject search syntax.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxTerms = 32;

    private SearchQuery(IReadOnlyList<IReadOnlyList<SearchTerm>> alternatives, IReadOnlyList<SearchTerm> excluded, long? ticketId)
    {
        Alternatives = alternatives;
        Excluded = excluded;
        TicketId = ticketId;
    }

    /// <summary>Groups of terms that must all match, any group will do (OR between them).</summary>
    public IReadOnlyList<IReadOnlyList<SearchTerm>> Alternatives { get; }

    /// <summary>Terms no match may hold, whichever group it matched.</summary>
    public IReadOnlyList<SearchTerm> Excluded { get; }

    /// <summary>The id of a ticket whose number (INC0000042) the query names, to be listed first.</summary>
    public long? TicketId { get; }

    /// <summary>Parses a query, or says what is wrong with it in words a person can act on.</summary>
    public static (SearchQuery? Query, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // A control character (a NUL from a client, a tab) separates words like a space, and never reaches the index.
        text = string.Create(text.Length, text, static (span, source) =>
        {
            for (var k = 0; k < source.Length; k++)
            {
                span[k] = char.IsControl(source[k]) ? ' ' : source[k];
            }
        });

        var alternatives = new List<List<SearchTerm>> { new() };
        var excludedTerms = new List<SearchTerm>();
        var count = 0;
        var skipped = false;
        var negateNext = false;
        long? ticketId = null;
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            var excluded = text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]);
            if (excluded)
            {
                i++;
            }

            string value;
            bool isPhrase;
            if (text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0)
                {
                    return (null, "The query has an opening \" without a closing one; close the phrase or remove the quote.");
                }

                value = text[(i + 1)..close];
                isPhrase = true;
                i = close + 1;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
                {
                    i++;
                }

                value = text[start..i];
                isPhrase = false;
            }

            var prefix = i < text.Length && text[i] == '*' && isPhrase;
            if (prefix)
            {
                i++;
            }
            else if (!isPhrase && value.EndsWith('*'))
            {
                value = value.TrimEnd('*');
                prefix = true;
            }

            if (!excluded && !isPhrase && !prefix && value is "AND" or "OR" or "NOT")
            {
                if (negateNext)
                {
                    return (null, $"NOT is followed by {value}; give the word to exclude after NOT.");
                }

                if (value == "OR")
                {
                    if (alternatives[^1].Count == 0)
                    {
                        return (null, "OR needs words to search for on both sides, as in: vpn OR network.");
                    }

                    alternatives.Add([]);
                }

                negateNext = value == "NOT";
                continue;
            }

            // A dash or an emoji between words is not a word to find: it is left out rather than refusing the query.
            if (!value.Any(char.IsLetterOrDigit))
            {
                skipped = true;
                continue;
            }

            excluded |= negateNext;
            negateNext = false;
            if (!isPhrase && !prefix && TicketNumber.TryParse(value, out var id))
            {
                // INC42 names the same ticket as INC0000042, and the index holds only the full number.
                value = TicketNumber.Format(id);
                ticketId ??= excluded ? null : id;
            }

            var term = new SearchTerm(value, isPhrase, prefix, excluded);
            (excluded ? excludedTerms : alternatives[^1]).Add(term);
            if (++count > MaxTerms)
            {
                return (null, $"The query has more than {MaxTerms} terms; search for fewer.");
            }
        }

        if (negateNext)
        {
            return (null, "NOT needs a word after it to exclude, as in: printer NOT toner.");
        }

        if (count == 0)
        {
            return (null, skipped
                ? "The query has no letters or digits to search for."
                : "The query is empty; give at least one word to search for.");
        }

        if (alternatives.All(group => group.Count == 0))
        {
            return (null, "The query only excludes (-word or NOT word); give at least one word to search for.");
        }

        if (alternatives.Any(group => group.Count == 0))
        {
            return (null, "OR needs words to search for on both sides, as in: vpn OR network.");
        }

        return (new SearchQuery(alternatives, excludedTerms, ticketId), null);
    }

    /// <summary>The FTS5 MATCH expression: each group's terms joined by AND, the groups by OR, then NOT each excluded term.</summary>
    public string ToFts5()
    {
        var groups = Alternatives.Select(group => string.Join(" AND ", group.Select(Fts5Of))).ToList();
        var expression = groups.Count == 1 ? groups[0] : $"({string.Join(" OR ", groups.Select(group => $"({group})"))})";
        return string.Concat(Excluded.Select(term => $" NOT {Fts5Of(term)}").Prepend(expression));
    }

    /// <summary>
    /// The PostgreSQL tsquery text (for to_tsquery): the same meaning as <see cref="ToFts5"/>. A term's
    /// words are split the way FTS5's unicode61 tokenizer splits them and follow each other (&lt;-&gt;),
    /// as FTS5 reads a quoted string as a phrase. A word holds only letters, digits and marks, so
    /// quoting it as a lexeme cannot let tsquery operators through.
    /// </summary>
    public string ToTsQuery()
    {
        var groups = Alternatives.Select(group => string.Join(" & ", group.Select(TsQueryOf))).ToList();
        var included = groups.Count == 1 ? groups[0] : $"({string.Join(" | ", groups.Select(group => $"({group})"))})";
        return string.Join(" & ", Excluded.Select(term => $"!{TsQueryOf(term)}").Prepend(included));
    }

    private static string TsQueryOf(SearchTerm term)
    {
        var words = Words(term.Text);
        var lexemes = words.Select((word, index) =>
            $"'{word}'"
            + (term.Prefix && index == words.Count - 1 ? ":*" : string.Empty));
        return $"({string.Join(" <-> ", lexemes)})";
    }

    /// <summary>
    /// Runs of letters, digits and combining marks, as the index's tokenizer sees words. Not the
    /// triage <see cref="Triage.WordTokenizer"/>: that one keeps "O'Brien" whole, while both search
    /// indexes split it at the apostrophe.
    /// </summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static string Fts5Of(SearchTerm term) =>
        $"\"{term.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"{(term.Prefix ? "*" : string.Empty)}";
}
