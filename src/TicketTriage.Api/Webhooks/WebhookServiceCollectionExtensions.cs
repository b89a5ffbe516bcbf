namespace TicketTriage.Api.Webhooks;

internal static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(options => options.Endpoints.All(endpoint => endpoint.Url is { IsAbsoluteUri: true, Scheme: "http" or "https" }), "Every Webhooks:Endpoints:N:Url must be an absolute http or https address.")
            .Validate(options => options.Endpoints.All(endpoint => !string.IsNullOrEmpty(endpoint.Secret)), "Every webhook endpoint needs Webhooks:Endpoints:N:Secret, so receivers can verify what they get.")
            .ValidateOnStart();
        // HttpClient's own logging writes every request's address, and a receiver's may hold its secret in the path.
        services.AddHttpClient(WebhookDispatcher.ClientName).RemoveAllLoggers();
        services.AddSingleton<WebhookOutbox>();
        services.AddScoped<WebhookDispatcher>();
        services.AddHostedService<WebhookMonitor>();
        return services;
    }
}
