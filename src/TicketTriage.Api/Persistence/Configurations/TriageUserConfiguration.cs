using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketTriage.Api.Auth;

namespace TicketTriage.Api.Persistence.Configurations;

internal sealed class TriageUserConfiguration : IEntityTypeConfiguration<TriageUser>
{
    public void Configure(EntityTypeBuilder<TriageUser> builder) =>
        builder.Property(user => user.Role).HasMaxLength(16).IsRequired();
}
