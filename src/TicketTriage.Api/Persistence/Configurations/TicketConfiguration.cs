using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketTriage.Core.Sla;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Persistence.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public const int GroupMaxLength = 100;
    public const int RuleIdMaxLength = 100;

    /// <summary>
    /// EF's own comparer for a list of strings compiles a new element comparer on every comparison (about a
    /// millisecond per tracked ticket per save); this one compares the same way, compiled once.
    /// </summary>
    public static readonly ValueComparer<List<string>> MatchedTermsComparer = new(
        (a, b) => a!.SequenceEqual(b!), terms => terms.Aggregate(0, (hash, term) => HashCode.Combine(hash, term)), terms => terms.ToList());

    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("Tickets");
        builder.HasKey(ticket => ticket.Id);
        builder.Property(ticket => ticket.Id).ValueGeneratedOnAdd();
        builder.Ignore(ticket => ticket.Number);
        builder.Ignore(ticket => ticket.RecordedTriage);

        builder.Property(ticket => ticket.Title).HasMaxLength(Ticket.TitleMaxLength).IsRequired();
        builder.Property(ticket => ticket.Description).HasMaxLength(Ticket.DescriptionMaxLength);
        builder.Property(ticket => ticket.Caller).HasMaxLength(Ticket.CallerMaxLength);
        builder.Property(ticket => ticket.OpenedBy).HasMaxLength(TicketNoteConfiguration.AuthorMaxLength).IsRequired();
        builder.Property(ticket => ticket.Priority).HasConversion<string>().HasMaxLength(2);
        builder.Property(ticket => ticket.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(ticket => ticket.AssignmentGroup).HasMaxLength(GroupMaxLength).IsRequired();
        builder.Property(ticket => ticket.RoutingRuleId).HasMaxLength(RuleIdMaxLength);
        builder.Property(ticket => ticket.RoutedGroup).HasMaxLength(GroupMaxLength).IsRequired();
        builder.Property(ticket => ticket.Assignee).HasMaxLength(Ticket.AssigneeMaxLength);
        builder.Property(ticket => ticket.HoldReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(ticket => ticket.ResolutionCode).HasConversion<string>().HasMaxLength(32);
        builder.Property(ticket => ticket.ResolutionNotes).HasMaxLength(Ticket.DescriptionMaxLength);
        builder.Property(ticket => ticket.CancelReason).HasMaxLength(Ticket.ReasonMaxLength);

        // Every write checks the version it read, so concurrent writers cannot overwrite each other.
        builder.Property(ticket => ticket.Version).IsConcurrencyToken();

        // Recording an SLA warning or breach leaves the version alone (an agent's ETag stays valid), so
        // the stamps guard themselves: two scans, on one instance or two, cannot both record the same one.
        builder.Property(ticket => ticket.ResponseWarnedAt).IsConcurrencyToken();
        builder.Property(ticket => ticket.ResponseBreachedAt).IsConcurrencyToken();
        builder.Property(ticket => ticket.ResolutionWarnedAt).IsConcurrencyToken();
        builder.Property(ticket => ticket.ResolutionBreachedAt).IsConcurrencyToken();
        builder.Ignore(ticket => ticket.IsOpen);

        // Pauses are only ever read and written with their ticket: a JSON column, compared by value.
        builder.Property(ticket => ticket.SlaPauses)
            .HasConversion(
                pauses => JsonSerializer.Serialize(pauses, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<List<PausePeriod>>(json, JsonSerializerOptions.Web) ?? new List<PausePeriod>(),
                new ValueComparer<List<PausePeriod>>((a, b) => a!.SequenceEqual(b!), pauses => pauses.Aggregate(0, (hash, pause) => HashCode.Combine(hash, pause)), pauses => pauses.ToList()))
            .HasDefaultValueSql("'[]'")
            .IsRequired();
        builder.PrimitiveCollection(ticket => ticket.MatchedTerms).Metadata.SetValueComparer(MatchedTermsComparer);

        // Every list is newest first, alone or under one filter; the id breaks ties for keyset paging.
        builder.HasIndex(ticket => new { ticket.CreatedAt, ticket.Id });
        // A priority filter, and the priority sort one priority at a time, read one priority's tickets newest first.
        // Stored descending since that sort first read it as one range; an equality seek reads it either way.
        builder.HasIndex(ticket => new { ticket.Priority, ticket.CreatedAt, ticket.Id }).IsDescending(false, true, true);
        builder.HasIndex(ticket => new { ticket.AssignmentGroup, ticket.CreatedAt, ticket.Id });
        builder.HasIndex(ticket => new { ticket.Status, ticket.CreatedAt, ticket.Id });
        builder.HasIndex(ticket => new { ticket.Assignee, ticket.CreatedAt, ticket.Id });
        builder.HasIndex(ticket => new { ticket.UpdatedAt, ticket.Id });

        // A queue view filters by group, status and priority together ("Network's in-progress P2s"): one
        // seek to exactly those tickets, newest first, instead of testing a status's tickets one by one.
        builder.HasIndex(ticket => new { ticket.AssignmentGroup, ticket.Status, ticket.Priority, ticket.CreatedAt, ticket.Id });

        // The summary's mean times by priority read these alone instead of the table (0.6 s each at a million
        // tickets on SQLite, 0.04-0.07 s so). Only responded or resolved tickets are in them, so creating a
        // ticket does not touch them.
        builder.HasIndex(ticket => new { ticket.Priority, ticket.ResponseSeconds, ticket.RespondedAt }).HasFilter("\"ResponseSeconds\" IS NOT NULL");
        builder.HasIndex(ticket => new { ticket.Priority, ticket.ResolutionSeconds, ticket.ResolvedAt }).HasFilter("\"ResolutionSeconds\" IS NOT NULL");

        // The same for one team's summary: without the group in them, its mean times read that group's responded
        // and resolved tickets from the table (0.15 s each for Network at a million on SQLite, 0.01 s so).
        builder.HasIndex(ticket => new { ticket.AssignmentGroup, ticket.Priority, ticket.ResponseSeconds, ticket.RespondedAt }).HasFilter("\"ResponseSeconds\" IS NOT NULL");
        builder.HasIndex(ticket => new { ticket.AssignmentGroup, ticket.Priority, ticket.ResolutionSeconds, ticket.ResolvedAt }).HasFilter("\"ResolutionSeconds\" IS NOT NULL");

        // The summary's SLA compliance counts the outcome of both clocks of every ticket responded to (all but the
        // New ones), by group and priority: from this index alone instead of the table (1.8 s at a million). New
        // tickets are not in it, so creating one does not touch it.
        builder.HasIndex(ticket => new
        {
            ticket.AssignmentGroup,
            ticket.Priority,
            ticket.RespondedAt,
            ticket.ResponseBreachedAt,
            ticket.ResponseBreachDueAt,
            ticket.ResolvedAt,
            ticket.ResolutionBreachedAt,
            ticket.ResolutionBreachDueAt,
        })
            .HasDatabaseName("IX_Tickets_SlaOutcomes")
            .HasFilter("\"RespondedAt\" IS NOT NULL AND \"CancelledAt\" IS NULL");

        // The auto-close scan and the time-to-resolve report look up resolved tickets by when.
        builder.HasIndex(ticket => new { ticket.Status, ticket.ResolvedAt });
        builder.HasIndex(ticket => ticket.RespondedAt);
        builder.HasIndex(ticket => ticket.ResolvedAt);

        // The SLA scan asks, for each pending threshold, which tickets have reached it by now.
        builder.HasIndex(ticket => ticket.ResponseWarningDueAt);
        builder.HasIndex(ticket => ticket.ResponseBreachDueAt);
        builder.HasIndex(ticket => ticket.ResolutionWarningDueAt);
        builder.HasIndex(ticket => ticket.ResolutionBreachDueAt);
    }
}
