using System.Globalization;
using System.Text;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Core.Search;

/// <summary>
/// A keyword search as people type it: words AND together, "an exact phrase", a prefix with a
/// trailing star (net*), and -word or -"a phrase" to exclude. Parsed once, then written as an
/// SQLite FTS5 expression or a PostgreSQL tsquery in which every word is quoted, so no input can
/// inject search syntax.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxTerms = 32;

    private SearchQuery(IReadOnlyList<SearchTerm> terms, long? ticketId)
    {
        Terms = terms;
        TicketId = ticketId;
    }

    public IReadOnlyList<SearchTerm> Terms { get; }

    /// <summary>The id of a ticket whose number (INC0000042) the query names, to be listed first.</summary>
    public long? TicketId { get; }

    /// <summary>Parses a query, or says what is wrong with it in words a person can act on.</summary>
    public static (SearchQuery? Query, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<SearchTerm>();
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

            if (!value.Any(char.IsLetterOrDigit))
            {
                return (null, $"'{(excluded ? "-" : string.Empty)}{(isPhrase ? $"\"{value}\"" : value)}{(prefix ? "*" : string.Empty)}' has no letters or digits to search for.");
            }

            if (!excluded && !isPhrase && !prefix && TicketNumber.TryParse(value, out var id))
            {
                ticketId ??= id;
            }

            terms.Add(new SearchTerm(value, isPhrase, prefix, excluded));
            if (terms.Count > MaxTerms)
            {
                return (null, $"The query has more than {MaxTerms} terms; search for fewer.");
            }
        }

        if (terms.Count == 0)
        {
            return (null, "The query is empty; give at least one word to search for.");
        }

        if (terms.All(term => term.Excluded))
        {
            return (null, "The query only excludes (-word); give at least one word to search for.");
        }

        return (new SearchQuery(terms, ticketId), null);
    }

    /// <summary>The FTS5 MATCH expression: included terms joined by AND, then NOT each excluded one.</summary>
    public string ToFts5()
    {
        var expression = new StringBuilder();
        foreach (var term in Terms.Where(term => !term.Excluded))
        {
            if (expression.Length > 0)
            {
                expression.Append(" AND ");
            }

            Append(expression, term);
        }

        foreach (var term in Terms.Where(term => term.Excluded))
        {
            expression.Append(" NOT ");
            Append(expression, term);
        }

        return expression.ToString();
    }

    /// <summary>
    /// The PostgreSQL tsquery text (for to_tsquery): the same meaning as <see cref="ToFts5"/>. A term's
    /// words are split the way FTS5's unicode61 tokenizer splits them and follow each other (&lt;-&gt;),
    /// as FTS5 reads a quoted string as a phrase. A word holds only letters, digits and marks, so
    /// quoting it as a lexeme cannot let tsquery operators through.
    /// </summary>
    public string ToTsQuery()
    {
        var included = Terms.Where(term => !term.Excluded).Select(TsQueryOf);
        var excluded = Terms.Where(term => term.Excluded).Select(term => $"!{TsQueryOf(term)}");
        return string.Join(" & ", included.Concat(excluded));
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

    private static void Append(StringBuilder expression, SearchTerm term)
    {
        expression.Append('"').Append(term.Text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        if (term.Prefix)
        {
            expression.Append('*');
        }
    }
}
