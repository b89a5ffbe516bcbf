using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TicketTriage.Api.Webhooks;

namespace TicketTriage.Api.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(message => message.Id);
        builder.Property(message => message.EventType).HasMaxLength(64).IsRequired();
        builder.Property(message => message.EndpointUrl).HasMaxLength(2048).IsRequired();
        builder.Property(message => message.Payload).IsRequired();
        builder.Property(message => message.LastError).HasMaxLength(200);

        // The dispatcher's only question: what is pending and due? Delivered rows stay out of the index.
        builder.HasIndex(message => message.NextAttemptAt).HasFilter("\"DeliveredAt\" IS NULL AND \"AbandonedAt\" IS NULL");
        builder.HasIndex(message => message.EventId);
    }
}
