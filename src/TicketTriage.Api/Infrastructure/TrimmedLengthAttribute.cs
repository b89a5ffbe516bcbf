using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace TicketTriage.Api.Infrastructure;

/// <summary>A string length measured after leading and trailing white space is removed.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TrimmedLengthAttribute(int minimum, int maximum) : ValidationAttribute
{
    public int Minimum { get; } = minimum;

    public int Maximum { get; } = maximum;

    public override bool IsValid(object? value) =>
        value is not string text || text.Trim().Length is var length && length >= Minimum && length <= Maximum;

    public override string FormatErrorMessage(string name) =>
        $"{JsonNamingPolicy.CamelCase.ConvertName(name)} must be {Minimum} to {Maximum} characters long, not counting leading and trailing spaces.";
}
