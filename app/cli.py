"""The `memberhub` command line."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import warnings
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from app.core.ids import encode_id
from app.settings import get_settings
from app.wiring import wire

T = TypeVar("T")


def _run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(_closing_redis(coro))


async def _closing_redis(coro: Coroutine[Any, Any, T]) -> T:
    """The Redis pool belongs to this event loop: close it with the loop, so a server started later in
    the same process (the demo) makes its own instead of reusing one bound to a closed loop."""
    from app.core.redis import close_redis

    try:
        return await coro
    finally:
        await close_redis()


def cmd_migrate(args: argparse.Namespace) -> int:
    from app.migrate import apply_migrations
    from app.runtime import resolve_database_url

    applied = _run(apply_migrations(resolve_database_url()))
    print(f"applied {len(applied)} migration(s)" + (": " + ", ".join(applied) if applied else ""))
    return 0


def cmd_makemigrations(args: argparse.Namespace) -> int:
    from app.migrate import make_migration
    from app.runtime import resolve_database_url

    result = _run(make_migration(resolve_database_url(), args.name))
    print(f"wrote migration {result}" if result else "no changes")
    return 0


async def _create_team(name: str, owner_email: str, password: str | None) -> tuple[int, str]:
    from app.runtime import close_orm, init_orm
    from app.teams.service import create_team

    await init_orm()
    try:
        team, _, key = await create_team(name, owner_email, password)
        return team.id, key
    finally:
        await close_orm()


TEAM_ID_HELP = "the team: its number (as create-team prints it) or its global id (Team:…, as the API gives it)"


def team_id_arg(text: str) -> int:
    """A team given on the command line, read as strictly as ids over the API (no other scripts' digits)."""
    from app.core.ids import InvalidId, decode_id, parse_id_or_none

    number = parse_id_or_none(text)
    if number is not None:
        return number
    try:
        return decode_id(text, "Team")
    except InvalidId:
        message = f"{text!r} is not a team id (a number such as 1, or a Team global id)"
        raise argparse.ArgumentTypeError(message) from None


def cmd_create_team(args: argparse.Namespace) -> int:
    from app.core.errors import ValidationFailed

    try:
        team_id, key = _run(_create_team(args.name, args.owner_email, args.password))
    except ValidationFailed as exc:
        for error in exc.errors:
            print(f"error: {error.field}: {error.message}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"team_id": str(team_id), "api_key": key}))
    else:
        print(f"team {team_id} created")
        print(f"admin API key (shown once): {key}")
    return 0


@contextmanager
def _byte_progress(path: Path, quiet: bool) -> Iterator[Callable[[int], None]]:
    """A progress bar over the file's bytes on stderr (not with --json or when stderr is no terminal)."""
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    progress = Progress(
        "[progress.description]{task.description}", BarColumn(), DownloadColumn(), TransferSpeedColumn(),
        TimeRemainingColumn(), disable=quiet or not sys.stderr.isatty(),
    )
    with progress:
        task = progress.add_task("importing", total=path.stat().st_size)
        yield lambda n: progress.advance(task, n)


def _print_rejections(rejections: list[tuple[int, str]], total: int) -> None:
    for line, reason in rejections[:50]:
        print(f"  line {line}: {reason}")
    if total > 50:
        print(f"  … {total - 50} more (use --json for all)")


def _import_csv(args: argparse.Namespace,
                importer: Callable[[str, int, Path, Callable[[int], None]], Coroutine[Any, Any, T]]) -> T | None:
    """Run a CSV importer on `args.file` for `args.team_id` with a progress bar; None (the reason
    printed) when the file as a whole cannot be imported."""
    from app.contacts.importer import CsvFormatError
    from app.runtime import resolve_database_url

    path = Path(args.file)
    if not path.exists():
        print(f"error: {path} does not exist", file=sys.stderr)
        return None
    url = resolve_database_url()
    with _byte_progress(path, args.json) as advance:
        try:
            return _run(importer(url, args.team_id, path, advance))
        except CsvFormatError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return None


def cmd_import_contacts(args: argparse.Namespace) -> int:
    from app.contacts.importer import import_contacts_csv

    report = _import_csv(args, import_contacts_csv)
    if report is None:
        return 2
    if args.json:
        print(json.dumps(report.as_dict()))
    else:
        print(f"rows: {report.rows}  imported: {report.created}  updated: {report.updated}  "
              f"rejected: {report.rejected}")
        _print_rejections(report.rejections, report.rejected)
    return 0


def cmd_import_orders(args: argparse.Namespace) -> int:
    from app.commerce.order_import import import_orders_csv

    report = _import_csv(args, import_orders_csv)
    if report is None:
        return 2
    summary = report.as_dict()
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"rows: {report.rows}  imported: {report.created}  updated: {report.updated}  "
              f"unchanged: {report.unchanged}  rejected: {report.rejected}  "
              f"contacts created: {report.contacts_created}")
        _print_rejections([(r["line"], r["reason"]) for r in summary["rejections"]], report.rejected)
    return 0


def cmd_export_schema(args: argparse.Namespace) -> int:
    from app.graphql.schema import schema

    sdl = schema.as_str() + "\n"
    if args.output == "-":
        sys.stdout.write(sdl)
    else:
        Path(args.output).write_text(sdl)
        print(f"wrote {args.output}")
    return 0


def _serve(host: str, port: int, with_worker: bool) -> None:
    import uvicorn

    from app.asgi import create_app
    from app.core.logs import configure_logging
    from app.runtime import resolve_database_url, resolve_redis_url

    resolve_database_url()
    resolve_redis_url()
    configure_logging(get_settings().log_format)
    # Our handler for uvicorn's loggers too (log_config=None); the app logs access lines with request ids.
    uvicorn.run(create_app(run_worker=with_worker), host=host, port=port, log_level="info", ws="websockets-sansio",
                log_config=None, access_log=False)


def cmd_serve(args: argparse.Namespace) -> int:
    _serve(args.host, args.port, args.with_worker)
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    from app.core.logs import configure_logging
    from app.runtime import resolve_database_url, resolve_redis_url
    from workers.settings import build_worker

    resolve_database_url()
    resolve_redis_url()
    configure_logging(get_settings().log_format)
    if args.metrics_port:
        from prometheus_client import start_http_server

        from app.core.metrics import REGISTRY

        start_http_server(args.metrics_port, addr=args.metrics_host, registry=REGISTRY)
    worker = build_worker(burst=args.burst, handle_signals=True)
    worker.run()
    return 0


async def _seed_demo(contacts: int, key_file: Path) -> tuple[int, str]:
    from app.demo import seed_demo
    from app.runtime import close_orm, init_orm

    await init_orm()
    try:
        team, key = await seed_demo(contacts, key_file)
        return team.id, key
    finally:
        await close_orm()


def _port_free(host: str, port: int) -> bool:
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo import DEMO_OWNER, DEMO_PASSWORD

    settings = get_settings()
    if not args.no_serve and not _port_free(args.host, args.port):
        print(f"error: {args.host}:{args.port} is in use (another demo or server?); pass --port", file=sys.stderr)
        return 2
    embedded = [name for name, url in (("PostgreSQL", settings.database_url), ("Valkey", settings.redis_url))
                if not url]
    cmd_migrate(args)
    print("seeding demo data…", flush=True)
    team_id, key = _run(_seed_demo(args.contacts, settings.data_dir / "demo_api_key"))
    url = f"http://{args.host}:{args.port}/graphql"
    print()
    print(f"  MemberHub demo team is ready (team id {encode_id('Team', team_id)}).")
    print(f"  GraphiQL:  {url}")
    print(f"  API key:   {key}")
    print(f"  Login:     {DEMO_OWNER} / {DEMO_PASSWORD}")
    print(f"  Try:       curl -s {url} -H 'Authorization: Bearer {key}' \\")
    print("               -H 'Content-Type: application/json' \\")
    print("               -d '{\"query\":\"{ contacts(first: 5) { totalCount edges { node { email tags } } } }\"}'")
    if embedded and args.no_serve:
        print(f"  Embedded {' and '.join(embedded)} keep running under {settings.data_dir}: "
              "`memberhub stop` stops them.")
    print(flush=True)
    if args.no_serve:
        return 0
    try:
        _serve(args.host, args.port, with_worker=True)
    finally:
        if embedded:
            _stop_embedded(settings.data_dir)
    return 0


def _stop_embedded(data_dir: Path) -> None:
    from app.embedded import stop_embedded_servers

    stopped = stop_embedded_servers(data_dir)
    print(f"stopped embedded {' and '.join(stopped)} under {data_dir}" if stopped
          else f"no embedded server running under {data_dir}", flush=True)


def cmd_stop(args: argparse.Namespace) -> int:
    _stop_embedded(get_settings().data_dir)
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from app.doctor import run_checks

    checks = run_checks()
    if args.json:
        print(json.dumps([{"check": c.name, "status": c.status, "detail": c.detail} for c in checks]))
    else:
        for check in checks:
            print(f"{check.status:<4}  {check.name}: {check.detail}")
    return 1 if any(check.status == "fail" for check in checks) else 0


async def _set_plan(team_ref: str, plan_key: str) -> tuple[int, str, str]:
    from app.plans import service
    from app.runtime import close_orm, init_orm

    await init_orm()
    try:
        team = await service.find_team(team_ref)
        plan = await service.set_plan(team, plan_key, "cli")
        return team.id, team.name, plan.name
    finally:
        await close_orm()


def cmd_set_plan(args: argparse.Namespace) -> int:
    """The operator's way to put a team on a plan (the platform-admin mutation is the other)."""
    from app.core.errors import ValidationFailed

    try:
        team_id, name, plan = _run(_set_plan(args.team, args.plan))
    except ValidationFailed as exc:
        for error in exc.errors:
            print(f"error: {error.field}: {error.message}", file=sys.stderr)
        return 2
    print(f"team {team_id} ({name}) is on the {plan} plan")
    return 0


def cmd_platform_token(args: argparse.Namespace) -> int:
    from app.plans.platform import new_platform_token

    token, digest = new_platform_token()
    print(f"platform-admin token (shown once): {token}")
    print(f"add its digest to MEMBERHUB_PLATFORM_ADMIN_TOKEN_HASHES: {digest}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="memberhub", description="MemberHub GraphQL backend")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the API (uvicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--with-worker", action="store_true", help="also run an arq worker in-process")
    serve.set_defaults(func=cmd_serve)

    worker = sub.add_parser("worker", help="run an arq worker")
    worker.add_argument("--burst", action="store_true", help="exit when the queue is empty")
    worker.add_argument("--metrics-port", type=int, default=None,
                        help="serve this worker's Prometheus metrics (jobs, sweeps, syncs) on this port")
    worker.add_argument("--metrics-host", default="127.0.0.1", help="address for --metrics-port")
    worker.set_defaults(func=cmd_worker)

    migrate = sub.add_parser("migrate", help="apply pending migrations (idempotent)")
    migrate.set_defaults(func=cmd_migrate)

    make = sub.add_parser("makemigrations", help="write a migration for model changes (development)")
    make.add_argument("name", nargs="?", default="update")
    make.set_defaults(func=cmd_makemigrations)

    team = sub.add_parser("create-team", help="create a team, its owner and an admin API key")
    team.add_argument("name")
    team.add_argument("--owner-email", required=True)
    team.add_argument("--password", default=None, help="owner's password for dashboard login")
    team.add_argument("--json", action="store_true")
    team.set_defaults(func=cmd_create_team)

    demo = sub.add_parser("demo", help="migrate, seed demo data, serve with a worker")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.add_argument("--contacts", type=int, default=3000)
    demo.add_argument("--no-serve", action="store_true", help="seed and exit")
    demo.set_defaults(func=cmd_demo)

    doctor = sub.add_parser("doctor", help="check configuration, database, Redis and migrations (exit 1 on a failure)")
    doctor.add_argument("--json", action="store_true")
    doctor.set_defaults(func=cmd_doctor)

    stop = sub.add_parser("stop", help="stop the embedded PostgreSQL and Valkey of the data dir")
    stop.set_defaults(func=cmd_stop)

    export = sub.add_parser("export-schema", help="write the GraphQL SDL")
    export.add_argument("--output", default="schema.graphql")
    export.set_defaults(func=cmd_export_schema)

    imp = sub.add_parser("import-contacts", help="import a CSV of contacts into a team")
    imp.add_argument("team_id", type=team_id_arg, help=TEAM_ID_HELP)
    imp.add_argument("file")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(func=cmd_import_contacts)

    orders = sub.add_parser("import-orders", help="import a CSV of past orders into a team (idempotent)")
    orders.add_argument("team_id", type=team_id_arg, help=TEAM_ID_HELP)
    orders.add_argument("file")
    orders.add_argument("--json", action="store_true")
    orders.set_defaults(func=cmd_import_orders)

    set_plan = sub.add_parser("set-plan", help="put a team on a plan (free, starter, pro, agency, enterprise)")
    set_plan.add_argument("team", help="the team's id or slug")
    set_plan.add_argument("plan")
    set_plan.set_defaults(func=cmd_set_plan)

    platform = sub.add_parser("platform-token", help="make a platform-admin token (prints it and its digest)")
    platform.set_defaults(func=cmd_platform_token)
    return parser


def main(argv: list[str] | None = None) -> int:
    # platformdirs warns on every embedded-server lookup when XDG_RUNTIME_DIR is unset (containers, CI,
    # sudo); it falls back to a private /tmp directory, which is all the embedded servers need.
    warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
    args = build_parser().parse_args(argv)
    get_settings()
    wire()
    return int(args.func(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
