using System.ComponentModel.DataAnnotations;

namespace TicketTriage.Api.Triage;

/// <summary>Where the triage rules file is; a relative path is taken from the content root.</summary>
internal sealed class TriageOptions
{
    public const string SectionName = "Triage";

    [Required(AllowEmptyStrings = false)]
    public string RulesPath { get; set; } = "triage.json";
}
