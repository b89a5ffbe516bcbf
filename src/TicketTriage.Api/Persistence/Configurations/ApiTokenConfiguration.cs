using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketTriage.Api.Auth;

namespace TicketTriage.Api.Persistence.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("ApiTokens");
        builder.HasKey(token => token.Id);
        builder.Property(token => token.Name).HasMaxLength(ApiToken.NameMaxLength).IsRequired();
        builder.Property(token => token.Scope).HasMaxLength(16).IsRequired();
        builder.Property(token => token.Hash).HasMaxLength(64).IsRequired();
        builder.Property(token => token.Prefix).HasMaxLength(16).IsRequired();
        builder.HasOne<TriageUser>().WithMany().HasForeignKey(token => token.UserId).OnDelete(DeleteBehavior.Cascade);

        // Every authenticated request looks its token up by hash.
        builder.HasIndex(token => token.Hash).IsUnique();
        builder.HasIndex(token => token.UserId);
    }
}
