namespace TicketTriage.Core.Search;

/// <summary>One term of a search: a word or a phrase, perhaps a prefix, perhaps excluded.</summary>
public sealed record SearchTerm(string Text, bool Phrase, bool Prefix, bool Excluded);
