using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Persistence.Configurations;

internal sealed class TicketEventConfiguration : IEntityTypeConfiguration<TicketEvent>
{
    public void Configure(EntityTypeBuilder<TicketEvent> builder)
    {
        builder.ToTable("TicketEvents");
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Type).HasMaxLength(32).IsRequired();
        builder.Property(entry => entry.Actor).HasMaxLength(TicketNoteConfiguration.AuthorMaxLength).IsRequired();
        builder.Property(entry => entry.Field).HasMaxLength(64);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(entry => entry.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(entry => new { entry.TicketId, entry.Id });
    }
}
