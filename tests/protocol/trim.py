#!/usr/bin/env python3
"""Rebuild tests/protocol/ from the full protocol folder kept beside the repository (../shared/protocol).

Run by hand only, when a spec is updated: `python3 tests/protocol/trim.py [PROTOCOL_FOLDER]`. Nothing in the
build, the tests or CI runs it; they read only what it wrote here. It keeps, from each spec, the operations the
doors call and the schemas the tests name, plus every component they reach through $ref, so a trimmed spec
still resolves on its own. Output is deterministic (same input, same bytes).
"""
import hashlib
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared" / "protocol"

# The Discord operations the door sends (src/BriefingBot.Discord): the application (is it public?), gateway
# discovery, command registration, interaction callbacks, follow-ups and edits through the interaction webhook, and
# channel messages.
DISCORD_OPERATIONS = [
    ("get", "/applications/@me"),
    ("get", "/gateway/bot"),
    ("get", "/applications/{application_id}/commands"),
    ("put", "/applications/{application_id}/commands"),
    ("get", "/applications/{application_id}/guilds/{guild_id}/commands"),
    ("put", "/applications/{application_id}/guilds/{guild_id}/commands"),
    ("post", "/channels/{channel_id}/messages"),
    ("post", "/interactions/{interaction_id}/{interaction_token}/callback"),
    ("post", "/webhooks/{webhook_id}/{webhook_token}"),
    ("patch", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
    ("delete", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
]
# Schemas the tests validate against by name that no kept operation reaches (the docs' command examples).
DISCORD_SCHEMAS = ["ApplicationCommandCreateRequest"]

# The Slack Web API methods the door calls that the 2020 spec describes; apps.connections.open and the external
# upload pair are newer than the spec and are checked against SlackWebSpec.NotInSpec instead.
SLACK_METHODS = ["chat.postMessage"]

HTTP_METHODS = {"get", "put", "post", "patch", "delete", "head", "options", "trace"}


def refs(node):
    """Every $ref string anywhere under node."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def pointer(ref):
    if not ref.startswith("#/"):
        raise SystemExit(f"external $ref {ref} is not supported")
    return [part.replace("~1", "/").replace("~0", "~") for part in ref[2:].split("/")]


def closure(spec, roots):
    """The $ref targets reachable from roots, as pointer paths, following targets' own refs."""
    seen, todo = set(), list(roots)
    while todo:
        ref = todo.pop()
        if ref in seen:
            continue
        seen.add(ref)
        node = spec
        for part in pointer(ref):
            node = node[part]
        todo.extend(refs(node))
    return seen


def copy_refs(spec, trimmed, found):
    for ref in sorted(found):
        parts = pointer(ref)
        src, dst = spec, trimmed
        for part in parts[:-1]:
            src = src[part]
            dst = dst.setdefault(part, {})
        dst[parts[-1]] = src[parts[-1]]


def in_order(original, kept):
    return {key: kept[key] for key in original if key in kept}


def reorder(original, trimmed):
    """The original's key order, at the top and in each component section, so kept lines diff against the original."""
    out = in_order(original, trimmed)
    if "definitions" in out:
        out["definitions"] = in_order(original["definitions"], out["definitions"])
    if "components" in out:
        out["components"] = {section: in_order(original["components"][section], kept)
                             for section, kept in in_order(original["components"], out["components"]).items()}
    return out


def trim_discord(spec):
    paths, roots = {}, [f"#/components/schemas/{name}" for name in DISCORD_SCHEMAS]
    for method, path in DISCORD_OPERATIONS:
        item = spec["paths"][path]
        kept = paths.setdefault(path, {k: v for k, v in item.items() if k not in HTTP_METHODS})
        kept[method] = item[method]
        roots.extend(refs(kept))
    trimmed = {key: spec[key] for key in ("openapi", "info", "externalDocs", "servers") if key in spec}
    trimmed["paths"] = {path: in_order(spec["paths"][path], kept) for path, kept in in_order(spec["paths"], paths).items()}
    schemes = {name for op in (spec["paths"][p][m] for m, p in DISCORD_OPERATIONS) for req in op.get("security", []) for name in req}
    trimmed["components"] = {"securitySchemes": {k: v for k, v in spec["components"]["securitySchemes"].items() if k in schemes}}
    copy_refs(spec, trimmed, closure(spec, roots))
    return reorder(spec, trimmed)


def trim_slack(spec):
    trimmed = {key: spec[key] for key in spec if key not in ("paths", "definitions")}
    trimmed["paths"] = {f"/{m}": spec["paths"][f"/{m}"] for m in SLACK_METHODS}
    copy_refs(spec, trimmed, closure(spec, list(refs(trimmed["paths"]))))
    return reorder(spec, trimmed)


def write(name, data, indent, ensure_ascii):
    # The originals' own layout (Discord: 2 spaces, UTF-8; Slack: 4 spaces, \\u escapes), so kept parts match line for line.
    text = json.dumps(data, indent=indent, ensure_ascii=ensure_ascii)
    (HERE / name).write_text(text, encoding="utf-8")
    print(f"{name}: {len(text.encode()):,} bytes")


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main():
    discord = SOURCE / "discord-openapi.json"
    slack = SOURCE / "slack-web-openapi.json"
    write("discord-openapi.json", trim_discord(json.loads(discord.read_text(encoding="utf-8"))), 2, False)
    write("slack-web-openapi.json", trim_slack(json.loads(slack.read_text(encoding="utf-8"))), 4, True)
    examples = HERE / "discord-examples"
    examples.mkdir(exist_ok=True)
    for example in sorted((SOURCE / "discord-examples").glob("*.json")):
        shutil.copyfile(example, examples / example.name)
        print(f"discord-examples/{example.name}: copied")
    for original in [discord, slack, *sorted((SOURCE / "discord-examples").glob("*.json"))]:
        print(f"sha256 {sha256(original)}  {original.relative_to(SOURCE)}")


if __name__ == "__main__":
    main()
