using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace TicketTriage.Api.Infrastructure;

internal static class ApiServiceCollectionExtensions
{
    /// <summary>JSON, validation, problem details and request limits shared by every endpoint.</summary>
    public static IServiceCollection AddApiConventions(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => Configure(options));
        services.AddValidation();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (context.ProblemDetails.Type is null || context.ProblemDetails.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
            {
                context.ProblemDetails.Type = status == StatusCodes.Status400BadRequest && context.ProblemDetails is HttpValidationProblemDetails
                    ? Problems.Validation
                    : Problems.ForStatus(status);
            }

            context.ProblemDetails.Detail ??= Problems.DetailForStatus(status);
            if (context.ProblemDetails is HttpValidationProblemDetails validation)
            {
                UseJsonNames(validation.Errors);
            }
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        // Body-reading failures surface as exceptions so that the handler can say what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<KestrelServerOptions>(options => options.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes);
        return services;
    }

    /// <summary>
    /// The validation generator names failing members as C# does ("Title"); clients see the JSON name
    /// ("title"), so the error keys are renamed to match the bodies they describe.
    /// </summary>
    private static void UseJsonNames(IDictionary<string, string[]> errors)
    {
        foreach (var (key, messages) in errors.ToList())
        {
            var jsonKey = string.Join('.', key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
            if (jsonKey != key)
            {
                errors.Remove(key);
                errors[jsonKey] = messages;
            }
        }
    }

    private static void Configure(JsonOptions options)
    {
        options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        options.SerializerOptions.Converters.Add(new UtcTimestampJsonConverter());
    }
}
