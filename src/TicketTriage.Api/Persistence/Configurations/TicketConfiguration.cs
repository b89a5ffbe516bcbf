using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Persistence.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public const int GroupMaxLength = 100;
    public const int RuleIdMaxLength = 100;

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
        builder.Property(ticket => ticket.Priority).HasConversion<string>().HasMaxLength(2);
        builder.Property(ticket => ticket.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(ticket => ticket.AssignmentGroup).HasMaxLength(GroupMaxLength).IsRequired();
        builder.Property(ticket => ticket.RoutingRuleId).HasMaxLength(RuleIdMaxLength);
        builder.PrimitiveCollection(ticket => ticket.MatchedTerms);

        // Every list is newest first, alone or under one filter; the id breaks ties for keyset paging.
        builder.HasIndex(ticket => new { ticket.CreatedAt, ticket.Id });
        builder.HasIndex(ticket => new { ticket.Priority, ticket.CreatedAt, ticket.Id });
        builder.HasIndex(ticket => new { ticket.AssignmentGroup, ticket.CreatedAt, ticket.Id });
        builder.HasIndex(ticket => new { ticket.Status, ticket.CreatedAt, ticket.Id });
    }
}
