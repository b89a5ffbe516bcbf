using System.Buffers;

namespace TicketTriage.Core.Triage;

/// <summary>
/// Routes text by ordered rules. Terms are compiled once into a table of word forms so that one
/// pass over the text finds every matching term without allocating per word or per match.
/// </summary>
/// <remarks>
/// A term word matches a text word case-insensitively as itself or with a simple inflection
/// (plural -s/-es/-ies, possessive 's, -ed, -ing), never as part of a longer word: "logins" and
/// "VPN's" match "login" and "vpn", "blogin" and "emailer" do not match "login" and "email".
/// </remarks>
public sealed class Router
{
    private static readonly string[] Suffixes = ["s", "es", "'s", "\u2019s", "ed", "ing"];

    private readonly RoutingRule[] _rules;
    private readonly string _defaultGroup;
    private readonly CompiledTerm[] _terms;
    private readonly int[] _firstTermOfRule;
    private readonly int[][] _termsStartingWithWord;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _wordsByForm;

    public Router(IReadOnlyList<RoutingRule> rules, string defaultGroup)
    {
        _rules = [.. rules];
        _defaultGroup = defaultGroup;

        var wordIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var terms = new List<CompiledTerm>();
        _firstTermOfRule = new int[_rules.Length + 1];
        for (var ruleIndex = 0; ruleIndex < _rules.Length; ruleIndex++)
        {
            _firstTermOfRule[ruleIndex] = terms.Count;
            foreach (var term in _rules[ruleIndex].Terms)
            {
                var words = WordTokenizer.Split(term.Normalize());
                if (words.Count == 0)
                {
                    throw new ArgumentException($"Term '{term}' of rule '{_rules[ruleIndex].Id}' has no letters or digits.", nameof(rules));
                }

                var ids = words.Select(word => IdOf(wordIds, word)).ToArray();
                terms.Add(new CompiledTerm(term, ids));
            }
        }

        _firstTermOfRule[_rules.Length] = terms.Count;
        _terms = [.. terms];

        var termsStartingWithWord = new List<int>[wordIds.Count];
        for (var i = 0; i < _terms.Length; i++)
        {
            (termsStartingWithWord[_terms[i].WordIds[0]] ??= []).Add(i);
        }

        _termsStartingWithWord = termsStartingWithWord.Select(list => list?.ToArray() ?? []).ToArray();

        var forms = new Dictionary<string, HashSet<int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (word, id) in wordIds)
        {
            foreach (var form in FormsOf(word))
            {
                if (!forms.TryGetValue(form, out var ids))
                {
                    forms[form] = ids = [];
                }

                ids.Add(id);
            }
        }

        var wordsByForm = forms.ToDictionary(pair => pair.Key, pair => pair.Value.Order().ToArray(), StringComparer.OrdinalIgnoreCase);
        _wordsByForm = wordsByForm.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string DefaultGroup => _defaultGroup;

    public IReadOnlyList<RoutingRule> Rules => _rules;

    /// <summary>Routes by the first rule with a term in any of the texts, else to the default group.</summary>
    public RoutingDecision Route(string? title, string? description)
    {
        var matchedBuffer = ArrayPool<bool>.Shared.Rent(_terms.Length);
        var wordsBuffer = ArrayPool<int[]?>.Shared.Rent(64);
        try
        {
            var matched = matchedBuffer.AsSpan(0, _terms.Length);
            matched.Clear();
            MarkMatches(UnicodeText.Composed(title), matched, ref wordsBuffer);
            MarkMatches(UnicodeText.Composed(description), matched, ref wordsBuffer);
            return Decide(matched);
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(matchedBuffer);
            ArrayPool<int[]?>.Shared.Return(wordsBuffer, clearArray: true);
        }
    }

    private RoutingDecision Decide(ReadOnlySpan<bool> matched)
    {
        for (var ruleIndex = 0; ruleIndex < _rules.Length; ruleIndex++)
        {
            var first = _firstTermOfRule[ruleIndex];
            var ruleMatches = matched[first.._firstTermOfRule[ruleIndex + 1]];
            var count = ruleMatches.Count(true);
            if (count == 0)
            {
                continue;
            }

            var matchedTerms = new string[count];
            var next = 0;
            for (var i = 0; i < ruleMatches.Length; i++)
            {
                if (ruleMatches[i])
                {
                    matchedTerms[next++] = _terms[first + i].Text;
                }
            }

            var rule = _rules[ruleIndex];
            return new RoutingDecision(rule.Id, rule.Group, matchedTerms);
        }

        return new RoutingDecision(null, _defaultGroup, []);
    }

    private void MarkMatches(string? text, Span<bool> matched, ref int[]?[] words)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        // Each text word is looked up once; phrases then compare ids instead of re-reading text.
        var count = 0;
        var tokenizer = new WordTokenizer(text);
        while (tokenizer.MoveNext())
        {
            if (count == words.Length)
            {
                var larger = ArrayPool<int[]?>.Shared.Rent(words.Length * 2);
                words.AsSpan().CopyTo(larger);
                ArrayPool<int[]?>.Shared.Return(words, clearArray: true);
                words = larger;
            }

            words[count++] = _wordsByForm.TryGetValue(tokenizer.Current, out var ids) ? ids : null;
        }

        for (var position = 0; position < count; position++)
        {
            var ids = words[position];
            if (ids is null)
            {
                continue;
            }

            foreach (var id in ids)
            {
                foreach (var termIndex in _termsStartingWithWord[id])
                {
                    if (!matched[termIndex] && PhraseMatchesAt(_terms[termIndex].WordIds, words.AsSpan(position, count - position)))
                    {
                        matched[termIndex] = true;
                    }
                }
            }
        }
    }

    private static bool PhraseMatchesAt(int[] phrase, ReadOnlySpan<int[]?> words)
    {
        if (phrase.Length > words.Length)
        {
            return false;
        }

        for (var i = 1; i < phrase.Length; i++)
        {
            if (words[i] is not { } ids || Array.IndexOf(ids, phrase[i]) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int IdOf(Dictionary<string, int> wordIds, string word)
    {
        if (!wordIds.TryGetValue(word, out var id))
        {
            wordIds[word] = id = wordIds.Count;
        }

        return id;
    }

    private static IEnumerable<string> FormsOf(string word)
    {
        yield return word;
        foreach (var suffix in Suffixes)
        {
            yield return word + suffix;
        }

        if (word.Length > 1 && word[^1] is 'y' or 'Y' && !IsVowel(word[^2]))
        {
            yield return string.Concat(word.AsSpan(0, word.Length - 1), "ies");
        }
    }

    private static bool IsVowel(char c) => "aeiouAEIOU".Contains(c, StringComparison.Ordinal);

    private sealed record CompiledTerm(string Text, int[] WordIds);
}
