using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

public sealed class WordTokenizerTests
{
    /// <summary>Expected words are written joined by '|'; an empty string means no words.</summary>
    [Theory]
    [InlineData("Hello, world!", "Hello|world")]
    [InlineData("  leading and   trailing  ", "leading|and|trailing")]
    [InlineData("tab\tnew\nline\r\nend", "tab|new|line|end")]
    [InlineData("VPN's down", "VPN's|down")]
    [InlineData("VPN\u2019s down", "VPN\u2019s|down")]
    [InlineData("rock'n'roll", "rock'n'roll")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("users' files", "users|files")]
    [InlineData("don''t", "don|t")]
    [InlineData("it's'", "it's")]
    [InlineData("e-mail", "e|mail")]
    [InlineData("wi-fi/ethernet", "wi|fi|ethernet")]
    [InlineData("snake_case.name", "snake|case|name")]
    [InlineData("2FA code 123456", "2FA|code|123456")]
    [InlineData("Printer3 on floor2", "Printer3|on|floor2")]
    [InlineData("x", "x")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("--- !!! ... '", "")]
    public void Split_Text_GivesRunsOfLettersAndDigits(string text, string expected)
    {
        var words = WordTokenizer.Split(text);

        Assert.Equal(expected, string.Join('|', words));
    }

    [Theory]
    [InlineData("Mot de passe oublié, réseau coupé", "Mot|de|passe|oublié|réseau|coupé")]
    [InlineData("Straße ÅÄÖ naïve", "Straße|ÅÄÖ|naïve")]
    [InlineData("ログイン できません", "ログイン|できません")]
    [InlineData("打印机，坏了。", "打印机|坏了")]
    [InlineData("VPN 连接失败", "VPN|连接失败")]
    [InlineData("Пароль не работает", "Пароль|не|работает")]
    [InlineData("\U0001F525vpn\U0001F525 down \U0001F622", "vpn|down")]
    [InlineData("laptop \U0001F4BB\U0001F50B battery", "laptop|battery")]
    [InlineData("\U0001F468\u200D\U0001F4BB", "")]
    public void Split_UnicodeText_KeepsLetterRunsAndDropsSymbols(string text, string expected)
    {
        var words = WordTokenizer.Split(text);

        Assert.Equal(expected, string.Join('|', words));
    }

    [Fact]
    public void MoveNext_OverText_YieldsEachWordAsSliceThenStops()
    {
        const string text = "Reset my password, please";
        var tokenizer = new WordTokenizer(text);
        var words = new List<string>();

        while (tokenizer.MoveNext())
        {
            words.Add(tokenizer.Current.ToString());
        }

        Assert.Equal(["Reset", "my", "password", "please"], words);
        Assert.True(tokenizer.Current.IsEmpty);
        Assert.False(tokenizer.MoveNext());
    }

    [Fact]
    public void MoveNext_EmptySpan_ReturnsFalse()
    {
        var tokenizer = new WordTokenizer(ReadOnlySpan<char>.Empty);

        Assert.False(tokenizer.MoveNext());
        Assert.True(tokenizer.Current.IsEmpty);
    }

    [Fact]
    public void Current_AfterMoveNext_PointsIntoOriginalText()
    {
        var text = "VPN's down".AsSpan();
        var tokenizer = new WordTokenizer(text);

        Assert.True(tokenizer.MoveNext());

        Assert.True(tokenizer.Current.Overlaps(text, out var offset));
        Assert.Equal(0, offset);
        Assert.Equal("VPN's", tokenizer.Current.ToString());
    }

    [Theory]
    [InlineData('\'', true)]
    [InlineData('\u2019', true)]
    [InlineData('\u2018', false)]
    [InlineData('`', false)]
    [InlineData('"', false)]
    [InlineData('-', false)]
    public void IsApostrophe_Character_RecognisesStraightAndCurlyApostrophe(char c, bool expected)
    {
        Assert.Equal(expected, WordTokenizer.IsApostrophe(c));
    }
}
