using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

/// <summary>How a rule's terms are found in a ticket's title and description.</summary>
public sealed class TermMatchingTests
{
    private const string Fallback = "General Support";

    private static Router SignInAndMessaging() => new(
        [
            new RoutingRule("sign-in", "Service Desk", ["password", "login", "locked out"]),
            new RoutingRule("network", "Network", ["vpn", "proxy"]),
            new RoutingRule("messaging", "Messaging", ["email"]),
        ],
        Fallback);

    [Theory]
    [InlineData("passwords", "password")]
    [InlineData("logins", "login")]
    [InlineData("VPN's", "vpn")]
    [InlineData("vpn\u2019s", "vpn")]
    [InlineData("VPNs", "vpn")]
    [InlineData("proxies", "proxy")]
    [InlineData("proxy's", "proxy")]
    [InlineData("emailed", "email")]
    [InlineData("emailing", "email")]
    [InlineData("PASSWORD", "password")]
    [InlineData("LoGiN", "login")]
    public void Route_InflectedOrCasedWord_MatchesTerm(string word, string term)
    {
        var decision = SignInAndMessaging().Route($"Problem with {word} today", null);

        Assert.Equal([term], decision.MatchedTerms);
    }

    [Theory]
    [InlineData("blogin")]
    [InlineData("emailer")]
    [InlineData("passwordless")]
    [InlineData("relogin")]
    [InlineData("vpnclient")]
    [InlineData("webmail")]
    [InlineData("mail")]
    [InlineData("proxie")]
    public void Route_TermInsideLongerWord_DoesNotMatch(string word)
    {
        var decision = SignInAndMessaging().Route($"Problem with {word} today", $"{word}!");

        Assert.True(decision.IsFallback);
        Assert.Equal(Fallback, decision.AssignmentGroup);
        Assert.Empty(decision.MatchedTerms);
    }

    [Fact]
    public void Route_TermOnlyInDescription_Matches()
    {
        var decision = SignInAndMessaging().Route("Cannot work", "My password stopped working.");

        Assert.Equal("sign-in", decision.RuleId);
        Assert.Equal(["password"], decision.MatchedTerms);
    }

    [Fact]
    public void Route_TermOnlyInTitle_Matches()
    {
        var decision = SignInAndMessaging().Route("VPN down", "Since this morning nothing works.");

        Assert.Equal("network", decision.RuleId);
        Assert.Equal(["vpn"], decision.MatchedTerms);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Route_EmptyOrNullDescription_MatchesOnTitle(string? description)
    {
        var decision = SignInAndMessaging().Route("Email not arriving", description);

        Assert.Equal("messaging", decision.RuleId);
        Assert.Equal(["email"], decision.MatchedTerms);
    }

    [Fact]
    public void Route_NullTitle_MatchesOnDescription()
    {
        var decision = SignInAndMessaging().Route(null, "Email not arriving");

        Assert.Equal("messaging", decision.RuleId);
    }

    [Fact]
    public void Route_TermsSplitBetweenTitleAndDescription_ReportsBothInRuleOrder()
    {
        var decision = SignInAndMessaging().Route("login fails", "password was changed");

        Assert.Equal("sign-in", decision.RuleId);
        Assert.Equal(["password", "login"], decision.MatchedTerms);
    }

    [Fact]
    public void Route_Phrase_MatchesConsecutiveWords()
    {
        var decision = SignInAndMessaging().Route("I got LOCKED OUT again", null);

        Assert.Equal("sign-in", decision.RuleId);
        Assert.Equal(["locked out"], decision.MatchedTerms);
    }

    [Theory]
    [InlineData("locked the door and went out", null)]
    [InlineData("out locked", null)]
    [InlineData("locked", null)]
    [InlineData("lockedout", null)]
    [InlineData("I am locked", "out of office until Monday")]
    [InlineData("I am locked", "Out")]
    public void Route_PhraseWordsNotAdjacentInOneText_DoesNotMatch(string title, string? description)
    {
        var decision = SignInAndMessaging().Route(title, description);

        Assert.True(decision.IsFallback);
        Assert.Empty(decision.MatchedTerms);
    }

    [Fact]
    public void Route_PhraseStartingAtEndOfTitle_DoesNotContinueIntoDescription()
    {
        var router = new Router([new RoutingRule("hardware", "IT Support", ["docking station"])], Fallback);

        var decision = router.Route("Problem with my docking", "station is not charging");

        Assert.True(decision.IsFallback);
    }

    [Fact]
    public void Route_PhraseWithInflectedLastWord_Matches()
    {
        var router = new Router([new RoutingRule("hardware", "IT Support", ["docking station"])], Fallback);

        var decision = router.Route("Both docking stations are dead", null);

        Assert.Equal(["docking station"], decision.MatchedTerms);
    }

    [Fact]
    public void Route_PhraseSharingFirstWordWithAnotherTerm_MatchesOnlyTheOneInText()
    {
        var router = new Router(
            [new RoutingRule("hardware", "IT Support", ["docking bay", "docking station"])],
            Fallback);

        var decision = router.Route("docking docking station", null);

        Assert.Equal(["docking station"], decision.MatchedTerms);
    }

    [Fact]
    public void Route_TermsOfTwoRules_FirstDeclaredRuleWinsNotFirstInText()
    {
        var decision = SignInAndMessaging().Route("email me about the vpn and my password", null);

        Assert.Equal("sign-in", decision.RuleId);
        Assert.Equal("Service Desk", decision.AssignmentGroup);
        Assert.Equal(["password"], decision.MatchedTerms);
    }

    [Fact]
    public void Route_SameTermsWithRulesReordered_OtherRuleWins()
    {
        var first = new RoutingRule("alpha", "Group A", ["printer"]);
        var second = new RoutingRule("beta", "Group B", ["toner"]);
        const string title = "Printer is out of toner";

        var alphaFirst = new Router([first, second], Fallback).Route(title, null);
        var betaFirst = new Router([second, first], Fallback).Route(title, null);

        Assert.Equal(("alpha", "Group A"), (alphaFirst.RuleId, alphaFirst.AssignmentGroup));
        Assert.Equal(("beta", "Group B"), (betaFirst.RuleId, betaFirst.AssignmentGroup));
    }

    [Fact]
    public void Route_TermsFoundInReverseOrder_ReportedInRuleDeclaredOrder()
    {
        var decision = SignInAndMessaging().Route("locked out after login with old password", null);

        Assert.Equal(["password", "login", "locked out"], decision.MatchedTerms);
    }

    [Fact]
    public void Route_TermRepeatedInText_ReportedOnce()
    {
        var decision = SignInAndMessaging().Route("password password PASSWORDS", "Password? password's reset!");

        Assert.Equal(["password"], decision.MatchedTerms);
    }

    [Fact]
    public void Route_MatchedTerm_ReportedAsDeclaredNotAsWritten()
    {
        var router = new Router([new RoutingRule("network", "Network", ["VPN"])], Fallback);

        var decision = router.Route("vpn's settings", null);

        Assert.Equal(["VPN"], decision.MatchedTerms);
    }

    [Fact]
    public void Route_TermsOfLosingRule_NotReported()
    {
        var decision = SignInAndMessaging().Route("vpn password email proxy", null);

        Assert.Equal(["password"], decision.MatchedTerms);
    }

    [Theory]
    [InlineData("café", "CAFÉ fermé")]
    [InlineData("пароль", "Забыл ПАРОЛЬ")]
    [InlineData("ログイン", "ログイン できません")]
    [InlineData("打印机", "我的 打印机 坏了")]
    public void Route_NonAsciiTerm_MatchesWholeWordIgnoringCase(string term, string title)
    {
        var router = new Router([new RoutingRule("local", "Local", [term])], Fallback);

        var decision = router.Route(title, null);

        Assert.Equal([term], decision.MatchedTerms);
    }

    [Theory]
    [InlineData("\U0001F525\U0001F525 vpn \U0001F525\U0001F525")]
    [InlineData("\U0001F525vpn\U0001F525")]
    [InlineData("\U0001F468\u200D\U0001F4BB VPN\u2019s certificate")]
    [InlineData("Réseau: VPN à Zürich")]
    [InlineData("VPN 连接失败")]
    public void Route_UnicodeAroundTerm_StillMatches(string title)
    {
        var decision = SignInAndMessaging().Route(title, null);

        Assert.Equal("network", decision.RuleId);
        Assert.Equal(["vpn"], decision.MatchedTerms);
    }

    [Fact]
    public void Route_LongText_FindsTermAfterManyWords()
    {
        var description = string.Join(' ', Enumerable.Repeat("nothing to see here", 500)) + " locked out";

        var decision = SignInAndMessaging().Route("Help", description);

        Assert.Equal(["locked out"], decision.MatchedTerms);
    }

    [Fact]
    public void Route_CalledRepeatedly_GivesSameDecisionEachTime()
    {
        var router = SignInAndMessaging();

        var first = router.Route("vpn", "proxy");
        var other = router.Route("login", null);
        var again = router.Route("vpn", "proxy");

        Assert.Equal(["vpn", "proxy"], first.MatchedTerms);
        Assert.Equal(["login"], other.MatchedTerms);
        Assert.Equal(first.MatchedTerms, again.MatchedTerms);
    }

    [Fact]
    public void Route_NoRules_FallsBackToDefaultGroup()
    {
        var router = new Router([], "Catch All");

        var decision = router.Route("password vpn email", null);

        Assert.Null(decision.RuleId);
        Assert.True(decision.IsFallback);
        Assert.Equal("Catch All", decision.AssignmentGroup);
        Assert.Empty(decision.MatchedTerms);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("--")]
    [InlineData("\U0001F525")]
    public void Constructor_TermWithoutLettersOrDigits_ThrowsNamingRule(string term)
    {
        var exception = Assert.Throws<ArgumentException>(() => new Router([new RoutingRule("broken-rule", "G", ["ok", term])], Fallback));

        Assert.Contains("'broken-rule'", exception.Message, StringComparison.Ordinal);
    }
}
