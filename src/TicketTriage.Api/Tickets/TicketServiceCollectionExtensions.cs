namespace TicketTriage.Api.Tickets;

internal static class TicketServiceCollectionExtensions
{
    public static IServiceCollection AddTicketIntake(this IServiceCollection services)
    {
        services.AddSingleton<TicketIntake>();
        services.AddHostedService(sp => sp.GetRequiredService<TicketIntake>());
        return services;
    }
}
