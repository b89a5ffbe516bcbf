using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Persistence.Configurations;

internal sealed class TicketNoteConfiguration : IEntityTypeConfiguration<TicketNote>
{
    public const int AuthorMaxLength = 200;

    public void Configure(EntityTypeBuilder<TicketNote> builder)
    {
        builder.ToTable("TicketNotes");
        builder.HasKey(note => note.Id);
        builder.Property(note => note.Body).HasMaxLength(TicketNote.BodyMaxLength).IsRequired();
        builder.Property(note => note.Visibility).HasConversion<string>().HasMaxLength(16);
        builder.Property(note => note.Author).HasMaxLength(AuthorMaxLength).IsRequired();
        builder.HasOne<Ticket>().WithMany().HasForeignKey(note => note.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(note => new { note.TicketId, note.Id });
    }
}
