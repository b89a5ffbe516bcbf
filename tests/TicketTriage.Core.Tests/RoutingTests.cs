using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

/// <summary>Routing by the rules that ship in triage.json.</summary>
public sealed class RoutingTests
{
    private readonly Router _router = ShippedRules.BuildEngine().Router;

    [Fact]
    public void Route_PasswordResetForEmailLogin_GoesToServiceDeskBySignInRule()
    {
        var decision = _router.Route("Password reset for email login", null);

        Assert.Equal("sign-in", decision.RuleId);
        Assert.Equal("Service Desk", decision.AssignmentGroup);
        Assert.Equal(["password", "login"], decision.MatchedTerms);
        Assert.False(decision.IsFallback);
    }

    [Theory]
    [InlineData("Forgot my password", "sign-in", "Service Desk", "password")]
    [InlineData("Cannot login since Monday", "sign-in", "Service Desk", "login")]
    [InlineData("VPN keeps dropping", "network", "Network", "vpn")]
    [InlineData("The network is slow", "network", "Network", "network")]
    [InlineData("Laptop will not boot", "hardware", "IT Support", "laptop")]
    [InlineData("Hardware fault on my desk", "hardware", "IT Support", "hardware")]
    [InlineData("No email since this morning", "messaging", "Messaging", "email")]
    [InlineData("Outlook freezes on start", "messaging", "Messaging", "outlook")]
    public void Route_TextWithDefaultTerm_GoesToThatRulesGroup(string title, string ruleId, string group, string term)
    {
        var decision = _router.Route(title, null);

        Assert.Equal(ruleId, decision.RuleId);
        Assert.Equal(group, decision.AssignmentGroup);
        Assert.Equal([term], decision.MatchedTerms);
    }

    [Fact]
    public void Rules_ShippedDefinition_KeepsSignInNetworkHardwareMessagingInThatOrder()
    {
        var ids = _router.Rules.Select(rule => rule.Id).ToList();
        string[] required = ["sign-in", "network", "hardware", "messaging"];
        var positions = required.Select(id => ids.IndexOf(id)).ToList();

        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Theory]
    [InlineData("VPN password expired", "sign-in", "password")]
    [InlineData("Outlook on my laptop", "hardware", "laptop")]
    [InlineData("email about the network outage", "network", "network")]
    [InlineData("login to the vpn from my laptop fails, outlook too", "sign-in", "login")]
    public void Route_TermsOfSeveralRules_FirstRuleInFileOrderWins(string title, string ruleId, string term)
    {
        var decision = _router.Route(title, null);

        Assert.Equal(ruleId, decision.RuleId);
        Assert.Equal([term], decision.MatchedTerms);
    }

    [Fact]
    public void Route_NoTermInText_FallsBackToGeneralSupport()
    {
        var decision = _router.Route("The coffee machine on floor 3 is broken", "It makes a strange noise.");

        Assert.Null(decision.RuleId);
        Assert.True(decision.IsFallback);
        Assert.Equal("General Support", decision.AssignmentGroup);
        Assert.Empty(decision.MatchedTerms);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("   ", "\t\n")]
    [InlineData("!!!", "???")]
    public void Route_NoWords_FallsBackToDefaultGroup(string? title, string? description)
    {
        var decision = _router.Route(title, description);

        Assert.True(decision.IsFallback);
        Assert.Equal(_router.DefaultGroup, decision.AssignmentGroup);
        Assert.Empty(decision.MatchedTerms);
    }

    [Theory]
    [InlineData("I am locked out of my account", "sign-in", "Service Desk", "locked out")]
    [InlineData("Docking station has no power", "hardware", "IT Support", "docking station")]
    [InlineData("Please add me to the distribution list", "messaging", "Messaging", "distribution list")]
    [InlineData("Cannot sign in to the portal", "sign-in", "Service Desk", "sign in")]
    public void Route_DefaultPhrase_GoesToThatRulesGroup(string title, string ruleId, string group, string phrase)
    {
        var decision = _router.Route(title, null);

        Assert.Equal(ruleId, decision.RuleId);
        Assert.Equal(group, decision.AssignmentGroup);
        Assert.Equal([phrase], decision.MatchedTerms);
    }

    [Theory]
    [InlineData("My e-mail bounces")]
    [InlineData("E-Mails are not delivered")]
    [InlineData("Sending e\u2011mail is slow")]
    public void Route_HyphenatedEMail_MatchesHyphenatedTerm(string title)
    {
        var decision = _router.Route(title, null);

        Assert.Equal("messaging", decision.RuleId);
        Assert.Contains("e-mail", decision.MatchedTerms);
    }

    [Fact]
    public void Route_CurlyApostrophePossessive_MatchesTerm()
    {
        var decision = _router.Route("The VPN\u2019s certificate expired", null);

        Assert.Equal("network", decision.RuleId);
        Assert.Equal(["vpn"], decision.MatchedTerms);
    }

    [Fact]
    public void Route_SecurityTermAndSignInTerm_SecurityRuleComesFirst()
    {
        var decision = _router.Route("Phishing email asked for my password", null);

        Assert.Equal("security-incident", decision.RuleId);
        Assert.Equal("Security", decision.AssignmentGroup);
        Assert.Equal(["phishing"], decision.MatchedTerms);
    }

    [Fact]
    public void Route_UnicodeTextAroundTerm_StillMatches()
    {
        var decision = _router.Route("Réseau coupé \U0001F62D", "Le VPN ne marche plus depuis la mise à jour — 网络 断开 \U0001F50C");

        Assert.Equal("network", decision.RuleId);
        Assert.Equal(["vpn"], decision.MatchedTerms);
    }
}
