using System.Diagnostics.CodeAnalysis;

namespace BriefingBot.Knowledge;

/// <summary>The short stable id users quote for a fact: <c>T4</c>, <c>C12</c>, <c>A2</c>, <c>P1</c>.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(FactCodeJsonConverter))]
public readonly record struct FactCode(FactKind Kind, int Number)
{
    // Every line of every answer writes its code, most several times: one string from a stack buffer, no buffer rented.
    public override string ToString()
    {
        Span<char> text = stackalloc char[12];
        var at = 0;
        if (Kind?.Letter is { } letter) text[at++] = letter;
        Number.TryFormat(text[at..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        return new string(text[..(at + written)]);
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out FactCode? code)
    {
        code = null;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length < 2 || text.Length > 11) return false;
        if (!FactKinds.TryFromLetter(text[0], out var kind)
            || !int.TryParse(text.AsSpan(1), System.Globalization.NumberStyles.None, null, out var n) || n <= 0)
            return false;
        code = new FactCode(kind, n);
        return true;
    }
}

/// <summary>Writes a fact code as its text, "T4", wherever it appears in JSON.</summary>
public sealed class FactCodeJsonConverter : System.Text.Json.Serialization.JsonConverter<FactCode>
{
    public override FactCode Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        FactCode.TryParse(reader.GetString(), out var code) ? code.Value : throw new System.Text.Json.JsonException("not a fact id");

    public override void Write(System.Text.Json.Utf8JsonWriter writer, FactCode value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
