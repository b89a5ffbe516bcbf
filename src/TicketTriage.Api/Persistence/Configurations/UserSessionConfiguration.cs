using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketTriage.Api.Auth;

namespace TicketTriage.Api.Persistence.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.HasKey(session => session.Id);
        builder.Property(session => session.Id).HasMaxLength(64);
        builder.Property(session => session.Ticket).IsRequired();
        builder.HasOne<TriageUser>().WithMany().HasForeignKey(session => session.UserId).OnDelete(DeleteBehavior.Cascade);

        // Disabling a user or changing their role ends their sessions; signing in sweeps the expired ones.
        builder.HasIndex(session => session.UserId);
        builder.HasIndex(session => session.ExpiresAt);
    }
}
