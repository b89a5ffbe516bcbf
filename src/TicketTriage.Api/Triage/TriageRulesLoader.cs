using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Triage;

/// <summary>
/// Reads and validates the rules file through the options pipeline, so that with ValidateOnStart a
/// bad file stops the host before it serves a request, with every problem named.
/// </summary>
internal sealed class TriageRulesLoader(IOptions<TriageOptions> options, IHostEnvironment environment)
    : IConfigureOptions<TriageRules>, IValidateOptions<TriageRules>
{
    private static readonly JsonSerializerOptions FileFormat = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public void Configure(TriageRules rules)
    {
        rules.Path = Path.GetFullPath(options.Value.RulesPath, environment.ContentRootPath);
        TriageDefinition? definition;
        try
        {
            using var file = File.OpenRead(rules.Path);
            definition = JsonSerializer.Deserialize<TriageDefinition>(file, FileFormat);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            rules.Errors.Add($"the file cannot be read: {ex.Message}");
            return;
        }
        catch (JsonException ex)
        {
            rules.Errors.Add($"the file is not valid: {ex.Message}");
            return;
        }

        if (definition is null)
        {
            rules.Errors.Add("the file holds no definition.");
            return;
        }

        var (engine, errors) = TriageEngine.Build(definition);
        rules.Engine = engine;
        rules.Errors.AddRange(errors);
    }

    public ValidateOptionsResult Validate(string? name, TriageRules rules) =>
        rules.Errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(rules.Errors.Select(error => $"Triage rules '{rules.Path}': {error}"));
}
