namespace TicketTriage.Api.Users;

/// <summary>Users by email; pass nextCursor as cursor for the next page.</summary>
public sealed record UserList(IReadOnlyList<UserResponse> Items, string? NextCursor);
