using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Sla;

/// <summary>
/// Before any ticket is saved, works out when the SLA scan must next look at it. Doing it here, on
/// every save, means no write path (create, update, note, auto-close) can leave a stale schedule.
/// The ticket intake, which inserts without SaveChanges, calls <see cref="Schedule(Ticket)"/> itself.
/// </summary>
internal sealed class SlaScheduling(IOptions<SlaSettings> settings, TimeProvider time) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Schedule(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Schedule(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void Schedule(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<Ticket>().Where(entry => entry.State is EntityState.Added or EntityState.Modified))
        {
            Schedule(entry.Entity);
        }
    }

    public void Schedule(Ticket ticket)
    {
        var sla = settings.Value;
        ticket.ScheduleSla(sla.For(ticket.Priority), sla.WarningShare, time.GetUtcNow());
    }
}
