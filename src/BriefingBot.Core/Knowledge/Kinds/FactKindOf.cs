namespace BriefingBot.Knowledge;

/// <summary>A kind whose revisions hold <typeparamref name="TData"/>: homes derive from it and write typed members only.</summary>
public abstract class FactKind<TData> : FactKind where TData : FactData
{
    public sealed override Type DataType => typeof(TData);

    public sealed override DateOnly? EventDate(FactData data) => EventDate((TData)data);
    public sealed override EventDate? Period(FactData data) => Period((TData)data);
    public sealed override FactData WithoutPeriod(FactData data) => WithoutPeriod((TData)data);
    public sealed override string SearchText(FactData data, Func<IEnumerable<long>, string> actorWords) => SearchText((TData)data, actorWords);
    public sealed override IEnumerable<long> ActorIds(FactData data) => ActorIds((TData)data);
    public sealed override long? ParentId(FactData data) => ParentId((TData)data);
    public sealed override IEnumerable<long> Participants(FactData data) => Participants((TData)data);
    public sealed override IEnumerable<long> Links(FactData data) => Links((TData)data);
    public sealed override FactColumns Columns(FactData data) => Columns((TData)data);
    public sealed override string Describe(FactData data, Func<long, string> name) => Describe((TData)data, name);

    public sealed override string? Difference(FactData before, FactData after, Func<long, string> name) =>
        before is TData b && after is TData a ? Difference(b, a, name) : null;

    protected virtual DateOnly? EventDate(TData data) => null;
    protected virtual EventDate? Period(TData data) => null;
    protected virtual TData WithoutPeriod(TData data) => data;
    protected abstract string SearchText(TData data, Func<IEnumerable<long>, string> actorWords);
    protected virtual IEnumerable<long> ActorIds(TData data) => [];
    protected virtual long? ParentId(TData data) => null;
    protected virtual IEnumerable<long> Participants(TData data) => [];
    protected virtual IEnumerable<long> Links(TData data) => [];
    protected virtual FactColumns Columns(TData data) => FactColumns.None;
    protected abstract string Describe(TData data, Func<long, string> name);
    protected virtual string? Difference(TData before, TData after, Func<long, string> name) => null;

    /// <summary>Several actors as "A, B and C".</summary>
    protected static string Names(IEnumerable<long> ids, Func<long, string> name)
    {
        // Under every contact and statement line: a list of the few names, without an iterator and a growing list per line.
        if (ids is not IReadOnlyList<long> list) return Replies.Phrases.List(ids.Select(name).ToList());
        var names = new string[list.Count];
        for (var i = 0; i < names.Length; i++) names[i] = name(list[i]);
        return Replies.Phrases.List(names);
    }

    /// <summary>The non-empty parts, space-separated: the usual shape of search text.</summary>
    protected static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
