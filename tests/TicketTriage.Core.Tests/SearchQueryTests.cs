using TicketTriage.Core.Search;

namespace TicketTriage.Core.Tests;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("vpn", "\"vpn\"")]
    [InlineData("vpn leeds", "\"vpn\" AND \"leeds\"")]
    [InlineData("\"paper jam\"", "\"paper jam\"")]
    [InlineData("net*", "\"net\"*")]
    [InlineData("\"vpn conn\"*", "\"vpn conn\"*")]
    [InlineData("outlook -mobile", "\"outlook\" NOT \"mobile\"")]
    [InlineData("-\"out of office\" outlook", "\"outlook\" NOT \"out of office\"")]
    [InlineData("vpn AND leeds", "\"vpn\" AND \"leeds\"")]
    [InlineData("vpn OR network", "((\"vpn\") OR (\"network\"))")]
    [InlineData("vpn leeds OR \"paper jam\" -toner", "((\"vpn\" AND \"leeds\") OR (\"paper jam\")) NOT \"toner\"")]
    [InlineData("printer NOT toner", "\"printer\" NOT \"toner\"")]
    [InlineData("\"OR\" or and -AND", "\"OR\" AND \"or\" AND \"and\" NOT \"AND\"")]
    [InlineData("VPN \u2013 Leeds \U0001F525 ?", "\"VPN\" AND \"Leeds\"")]
    [InlineData("printer\u0000jam\ttray", "\"printer\" AND \"jam\" AND \"tray\"")]
    [InlineData("\"paper\u0000jam\"", "\"paper jam\"")]
    [InlineData("title:vpn", "\"title:vpn\"")]
    [InlineData("inc42 -INC7", "\"INC0000042\" NOT \"INC0000007\"")]
    [InlineData("a\"b\" c", "\"a\" AND \"b\" AND \"c\"")]
    [InlineData("e-mail", "\"e-mail\"")]
    [InlineData("  spaced   out  ", "\"spaced\" AND \"out\"")]
    public void ToFts5_QuotesEveryTerm(string query, string expected)
    {
        var (parsed, error) = SearchQuery.Parse(query);

        Assert.Null(error);
        Assert.Equal(expected, parsed!.ToFts5());
    }

    [Fact]
    public void ToFts5_TermWithApostrophe_KeepsItInsideTheQuotes()
    {
        var (parsed, _) = SearchQuery.Parse("O'Brien");

        Assert.Equal("\"O'Brien\"", parsed!.ToFts5());
    }

    [Theory]
    [InlineData("vpn", "('vpn')")]
    [InlineData("vpn leeds", "('vpn') & ('leeds')")]
    [InlineData("\"paper jam\"", "('paper' <-> 'jam')")]
    [InlineData("net*", "('net':*)")]
    [InlineData("\"vpn conn\"*", "('vpn' <-> 'conn':*)")]
    [InlineData("outlook -mobile", "('outlook') & !('mobile')")]
    [InlineData("-\"out of office\" outlook", "('outlook') & !('out' <-> 'of' <-> 'office')")]
    [InlineData("vpn OR network", "((('vpn')) | (('network')))")]
    [InlineData("vpn leeds OR net* NOT toner", "((('vpn') & ('leeds')) | (('net':*))) & !('toner')")]
    [InlineData("title:vpn", "('title' <-> 'vpn')")]
    [InlineData("e-mail", "('e' <-> 'mail')")]
    [InlineData("O'Brien", "('O' <-> 'Brien')")]
    [InlineData("x!'&|\\y", "('x' <-> 'y')")]
    [InlineData("Résumé", "('Résumé')")]
    [InlineData("INC0000042", "('INC0000042')")]
    public void ToTsQuery_QuotesEveryWord_AndKeepsTheMeaning(string query, string expected)
    {
        var (parsed, error) = SearchQuery.Parse(query);

        Assert.Null(error);
        Assert.Equal(expected, parsed!.ToTsQuery());
    }

    [Fact]
    public void ToTsQuery_DecomposedAccents_StayInsideTheWord()
    {
        var (parsed, _) = SearchQuery.Parse("Re\u0301sume\u0301");

        Assert.Equal("('Résumé')", parsed!.ToTsQuery());
    }

    [Theory]
    [InlineData("\"open phrase", "closing")]
    [InlineData("-only", "only excludes")]
    [InlineData("-a -b", "only excludes")]
    [InlineData("***", "no letters or digits")]
    [InlineData("\"\"", "no letters or digits")]
    [InlineData("\u2013 !!", "no letters or digits")]
    [InlineData("   ", "empty")]
    [InlineData("\u0000", "empty")]
    [InlineData("OR vpn", "both sides")]
    [InlineData("vpn OR", "both sides")]
    [InlineData("vpn OR OR network", "both sides")]
    [InlineData("vpn OR -toner", "both sides")]
    [InlineData("NOT vpn", "only excludes")]
    [InlineData("vpn NOT", "NOT needs a word")]
    [InlineData("vpn NOT OR network", "NOT is followed by OR")]
    public void Parse_Malformed_SaysWhatIsWrong(string query, string expected)
    {
        var (parsed, error) = SearchQuery.Parse(query);

        Assert.Null(parsed);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooManyTerms_IsRefused()
    {
        var (parsed, error) = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, SearchQuery.MaxTerms + 1).Select(i => $"w{i}")));

        Assert.Null(parsed);
        Assert.Contains("more than", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INC0000042", 42L)]
    [InlineData("vpn inc0000007", 7L)]
    [InlineData("INC42", 42L)]
    [InlineData("-INC0000042 vpn", null)]
    [InlineData("\"INC0000042\"", null)]
    [InlineData("vpn", null)]
    public void Parse_TicketNumber_IsRecognised(string query, long? expected)
    {
        var (parsed, _) = SearchQuery.Parse(query);

        Assert.Equal(expected, parsed!.TicketId);
    }
}
