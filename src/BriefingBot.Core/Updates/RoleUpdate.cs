using BriefingBot.Commands;
using BriefingBot.Knowledge;
using BriefingBot.Replies;

namespace BriefingBot.Updates;

/// <summary>
/// <c>/update role</c>: records whom a person (or an organisation: the Kremlin for Russia) represents and as what. A person and what they represent name one role, so
/// naming the pair again changes that role (a new revision: the old role stays in /history and as_of) rather than adding a second.
/// </summary>
public sealed class RoleUpdate(FactLog log, FactQueries queries, UpdateReplies replies) : ICommandHandler
{
    public string Path => "update role";

    public ValueTask<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Handle(request));

    private Reply Handle(CommandRequest request)
    {
        var person = request.Picks("person")?.Items.Single();
        var represents = request.Picks("represents")?.Items.Single();
        // An organisation may hold a role too: the Kremlin speaks for Russia, a ministry for its state; a state speaks for itself.
        if (person is { Kind: ActorKind.State })
            return Reply.Error($"{person.Name} is a state; a role is held by a person.");
        if (represents is { Kind: ActorKind.Person })
            return Reply.Error($"{represents.Name} is a person; a person represents a state or organisation.");
        if (person is not null && represents is not null && string.Equals(person.Name, represents.Name, StringComparison.OrdinalIgnoreCase))
            return Reply.Error($"{person.Name} cannot represent itself.");
        var id = request.Fact("id");
        if (id is { Kind: var k } && k != FactKinds.Get<RoleFact>())
            return Reply.Error($"{id} is not a role; role ids look like R3, and /who lists them.");
        // The pair names the role when both are known: Rubio and the United States are one role however often it changes.
        if (id is null && person?.Known is { } p && represents?.Known is { } r)
            id = queries.Roles(p.Id).FirstOrDefault(v => v.Data is RoleData d && d.RepresentsId == r.Id)?.Code;

        Func<Func<string, long>, RoleData> data;
        Revision? basedOn = null;
        var since = request.Period("since");
        var until = request.Period("until");
        if (id is { } code)
        {
            basedOn = queries.Get(code)?.Current;
            if (basedOn?.Data is not RoleData old)
                return Reply.Error($"There is no role {code}; /who lists a person's roles with their ids.");
            data = newId => old with
            {
                PersonId = person is null ? old.PersonId : person.Known?.Id ?? newId(person.Name),
                RepresentsId = represents is null ? old.RepresentsId : represents.Known?.Id ?? newId(represents.Name),
                Role = request.Text("role") ?? old.Role,
                // A new role held from a new date; the same role keeps its date unless one is given.
                Since = since ?? (request.Text("role") is { } role && role != old.Role ? null : old.Since),
                Until = until ?? old.Until,
            };
        }
        else
        {
            if (person is null || represents is null || request.Text("role") is not { } role)
                return Reply.Error("A new role needs person, represents and role, for example /update role source:\"State Department\" " +
                                   "person:\"Marco Rubio\" represents:\"United States\" role:\"Secretary of State\" since:2025-01-21.");
            data = newId => new RoleData(person.Known?.Id ?? newId(person.Name), represents.Known?.Id ?? newId(represents.Name), role, since, until);
        }
        IReadOnlyList<NewActor> added = [.. request.Picks("person")?.New ?? [], .. request.Picks("represents")?.New ?? []];
        var (view, actors) = log.Record(added, data, id, request.Provenance(), request.Caller.Author, request.Text("reason"), basedOn?.Id);
        return replies.Recorded(view, request.Now, actors);
    }
}
