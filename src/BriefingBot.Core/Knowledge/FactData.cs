using System.Text.Json.Serialization;

namespace BriefingBot.Knowledge;

/// <summary>The fields of one fact at one revision; stored as JSON in the revision, each kind's record in its home (Knowledge/Kinds).</summary>
/// <remarks>Which record is which kind, and its "$kind" word in JSON, come from <see cref="FactKinds"/>.</remarks>
public abstract record FactData
{
    [JsonIgnore] public FactKind Kind => FactKinds.OfData(GetType());
}
