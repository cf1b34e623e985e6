namespace BriefingBot.Knowledge;

/// <summary>
/// The kind-specific columns of <c>current_facts</c> that lists filter on; a kind fills those it has and leaves the rest null.
/// </summary>
public sealed record FactColumns(string? ContactKind = null, long? DonorId = null, long? RecipientId = null, string? Category = null,
    string? Title = null, string? Stance = null)
{
    public static readonly FactColumns None = new();
}
