"""Audiences across several builds of one project copy on the demo data.

The module builds the same copy five times, changing only vars between builds:

1. `first`: the audiences of dbt_project.yml on an empty database;
2. `repeat`: the same again, which must change nothing;
3. `changed`: the default audience's ICP threshold raised to 70, the inbound
   account_executive band lowered to 60 and the ABM limit cut to 150. One default
   member is also removed from the demo people. Members exit for each of these
   reasons, move up and change queue;
4. `guarded`: the ICP threshold at 101, which would empty the default audience, so the
   delete guard fails and the sync marts keep the state of build 3;
5. `emptied`: the same with gtm_audience_max_removed_share 1, which publishes the
   empty audience and reports every former member as exited.

The expected members of each motion are computed here in Python from person_fit,
company_fit and the demo signals, independently of the generated SQL. The module runs
on every engine. On DuckDB a reader also keeps the published file of build 2 open
while build 3 runs, because only the DuckDB build is published. Spark keeps no
membership history, so the snapshot checks are skipped there.
"""

from __future__ import annotations

import copy
import datetime
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
import yaml

from conftest import AS_OF_DATE, DEMO_COLUMNS, PROJECT_ROOT, DbtResult, ProjectCopy, read_csv

PUBLISH_SCRIPT = PROJECT_ROOT / "scripts" / "publish_marts.py"
CONFIGURED_AUDIENCES = yaml.safe_load((PROJECT_ROOT / "dbt_project.yml").read_text(encoding="utf-8"))["vars"]["gtm_audiences"]


def changed_audiences() -> list[dict]:
    """Return the configured audiences with the account_executive band at 60 and 150 top accounts."""
    audiences = copy.deepcopy(CONFIGURED_AUDIENCES)
    inbound = next(audience for audience in audiences if audience["code"] == "inbound_engaged")
    for route in inbound["routes"]:
        if route["queue"] == "account_executive":
            route["min_score"] = 60
    top_accounts = next(audience for audience in audiences if audience["code"] == "top_accounts")
    top_accounts["limit"] = 150
    return audiences


CHANGED_VARS = {"gtm_audience_min_icp_score": 70, "gtm_audiences": changed_audiences()}
GUARDED_VARS = {**CHANGED_VARS, "gtm_audience_min_icp_score": 101}
EMPTIED_VARS = {**GUARDED_VARS, "gtm_audience_max_removed_share": 1}

NO_SPARK_SNAPSHOTS = (
    "dbt-spark snapshots need Delta Lake, Iceberg or Hudi tables, and the spark target "
    "writes plain Parquet, so the membership snapshots are disabled on Spark"
)
DUCKDB_ONLY_PUBLISH = "publish_marts.py copies the marts out of the DuckDB file that only the duckdb target writes"


@dataclass
class BuildState:
    """The result of one build and the audience tables right after it."""

    result: DbtResult
    members: dict[str, dict]
    accounts: dict[str, dict]
    changes: list[dict]
    history_count: int | None


def capture(project: ProjectCopy, result: DbtResult) -> BuildState:
    """Read the audience tables. history_count is None on Spark, which has no snapshots."""
    members = project.query("select * from main.audience_members")
    accounts = project.query("select * from main.audience_accounts")
    history_count = None
    if project.engine != "spark":
        history_count = project.query("select count(*) as row_count from main.audience_members_history")[0]["row_count"]
    return BuildState(
        result=result,
        members={row["audience_member_key"]: row for row in members},
        accounts={row["audience_account_key"]: row for row in accounts},
        changes=project.query("select * from main.audience_changes order by changed_at, change_key"),
        history_count=history_count,
    )


@dataclass
class FirstBuildInputs:
    """The scored rows of the first build that the expected members are computed from.

    Build 3 changes the inputs, so these rows are read right after the first build.
    """

    people: list[dict]
    companies: list[dict]
    live_persona_counts: dict[str, int]
    recently_engaged: set[str]


def parse_timestamp(text: str) -> datetime.datetime | None:
    """Parse a timestamp as the staging model's safe cast does, returning None for other text."""
    try:
        return datetime.datetime.fromisoformat(text.strip())
    except ValueError:
        return None


def recently_engaged_people(project: ProjectCopy) -> set[str]:
    """Return the people of the demo signals who engaged or replied in the 30 days up to AS_OF_DATE."""
    as_of = datetime.date.fromisoformat(AS_OF_DATE)
    people = set()
    for row in read_csv(project.seed_path("demo", "signals")):
        occurred_at = parse_timestamp(row["occurred_at"])
        if (
            row["person_id"].strip()
            and row["signal_type"].strip().lower() in {"engaged", "replied"}
            and occurred_at is not None
            and as_of - datetime.timedelta(days=30) <= occurred_at.date() <= as_of
        ):
            people.add(row["person_id"].strip())
    return people


def read_first_build_inputs(project: ProjectCopy) -> FirstBuildInputs:
    companies = project.query("select * from main.company_fit")
    company_by_id = {row["company_id"]: row for row in companies}
    people = []
    for person in project.query("select * from main.person_fit"):
        company = company_by_id.get(person["company_id"], {})
        people.append({**person, "employee_count": company.get("employee_count"), "fit_status": company.get("fit_status")})
    live_personas = project.query(
        "select icp_code, count(*) as persona_count from main.int_definitions__validated "
        "where definition_type = 'persona' and status = 'live' group by icp_code"
    )
    return FirstBuildInputs(
        people=people,
        companies=companies,
        live_persona_counts={row["icp_code"]: row["persona_count"] for row in live_personas},
        recently_engaged=recently_engaged_people(project),
    )


def publish(project: ProjectCopy) -> Path:
    output = project.root / "published"
    subprocess.run(
        [
            sys.executable,
            str(PUBLISH_SCRIPT),
            "--database",
            str(project.database_path),
            "--manifest",
            str(project.root / "target" / "manifest.json"),
            "--output",
            str(output),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return output / "gtm_marts.duckdb"


@dataclass
class ReaderView:
    """What a reader that opened the published file before build 3 saw, before and after."""

    before: list[tuple]
    during: list[tuple]
    fresh: list[tuple]


READER_QUERY = "select audience_member_key, audience_rank from audience_members where audience_code = 'default' order by 1"


@dataclass
class Runs:
    """The project copy, the state after each build and what the checks need besides.

    `reader` is None on engines other than DuckDB, whose builds are not published.
    """

    project: ProjectCopy
    states: dict[str, BuildState]
    first: FirstBuildInputs
    reader: ReaderView | None
    guarded_statuses: dict[str, str]
    after_changed: datetime.datetime
    removed_person_id: str


def remove_default_member(project: ProjectCopy, state: BuildState) -> str:
    """Delete from the demo people the middle one of the default members that stay at an ICP score of 70."""
    staying = sorted(
        (row for row in audience_members(state, "default") if row["icp_score"] >= 70),
        key=lambda row: row["audience_rank"],
    )
    person_id = staying[len(staying) // 2]["person_id"]
    rows = [row for row in read_csv(project.seed_path("demo", "people")) if row["person_id"] != person_id]
    project.replace_seed("demo", "people", rows, DEMO_COLUMNS["people"])
    return person_id


def build_with_reader(project: ProjectCopy, published: Path) -> tuple[BuildState, ReaderView]:
    """Run build 3 and publish it while a reader keeps the file that build 2 published open."""
    reader = duckdb.connect(str(published), read_only=True)
    try:
        before = reader.execute(READER_QUERY).fetchall()
        state = capture(project, project.dbt("build", timeout=900, extra_vars=CHANGED_VARS))
        publish(project)
        during = reader.execute(READER_QUERY).fetchall()
    finally:
        reader.close()
    with duckdb.connect(str(published), read_only=True) as fresh_reader:
        fresh = fresh_reader.execute(READER_QUERY).fetchall()
    return state, ReaderView(before, during, fresh)


@pytest.fixture(scope="module")
def runs(make_project, engine) -> Runs:
    project = make_project("audiences", engine)
    states: dict[str, BuildState] = {}
    states["first"] = capture(project, project.dbt("build", timeout=900))
    first = read_first_build_inputs(project)
    states["repeat"] = capture(project, project.dbt("build", timeout=900))

    published = publish(project) if engine == "duckdb" else None
    removed_person_id = remove_default_member(project, states["repeat"])
    reader = None
    if published is not None:
        states["changed"], reader = build_with_reader(project, published)
    else:
        states["changed"] = capture(project, project.dbt("build", timeout=900, extra_vars=CHANGED_VARS))
    after_changed = project.query("select cast(now() as timestamp) as moment")[0]["moment"]

    states["guarded"] = capture(project, project.dbt("build", timeout=900, extra_vars=GUARDED_VARS))
    guarded_statuses = project.run_results()
    states["emptied"] = capture(project, project.dbt("build", timeout=900, extra_vars=EMPTIED_VARS))
    return Runs(project, states, first, reader, guarded_statuses, after_changed, removed_person_id)


# --- Independent expectations -----------------------------------------------------------


def descending(value) -> tuple:
    """Sort key part for a descending order with NULLs last."""
    return (value is None, -(value or 0))


def changes_between(before: BuildState, after: BuildState) -> list[dict]:
    """Return the change feed rows that the build of `after` appended."""
    return [change for change in after.changes if change not in before.changes]


def audience_members(state: BuildState, audience_code: str) -> list[dict]:
    rows = [row for row in state.members.values() if row["audience_code"] == audience_code]
    return sorted(rows, key=lambda row: row["audience_rank"])


def test_builds_succeed_until_guard(runs):
    states = runs.states

    for name in ["first", "repeat", "changed", "emptied"]:
        assert states[name].result.returncode == 0, f"{name}: {states[name].result.output[-4000:]}"
    assert states["guarded"].result.returncode != 0


def test_default_audience_ranking(runs):
    states = runs.states
    people = runs.first.people

    expected = sorted(
        (
            row
            for row in people
            if row["icp_score"] is not None
            and row["persona_score"] is not None
            and row["icp_score"] >= 60
            and row["persona_score"] >= 60
        ),
        key=lambda row: (descending(row["persona_score"]), descending(row["icp_score"]), row["person_id"]),
    )
    members = audience_members(states["first"], "default")

    assert len(members) > 0
    assert [row["person_id"] for row in members] == [row["person_id"] for row in expected]
    assert [row["audience_rank"] for row in members] == list(range(1, len(members) + 1))
    assert all(row["motion"] == "volume_outbound" for row in members)


def test_volume_outbound_ranking_and_limit(runs):
    states = runs.states
    people = runs.first.people

    eligible = [
        row
        for row in people
        if row["qualification_status"] == "qualified"
        and row["persona_score"] >= 40
        and (row["icp_code"] == "smb_saas" or (row["employee_count"] is not None and 201 <= row["employee_count"] <= 1000))
    ]
    expected = sorted(eligible, key=lambda row: (descending(row["persona_score"]), descending(row["icp_score"]), row["person_id"]))
    members = audience_members(states["first"], "sales_leaders_outbound")

    assert len(eligible) > 150, "the demo data should exceed the limit, so the limit is exercised"
    assert [row["person_id"] for row in members] == [row["person_id"] for row in expected[:150]]
    assert {row["route"] for row in members} == {f"{row['icp_code']}:{row['persona_code']}" for row in expected[:150]}


def test_abm_accounts_and_committees(runs):
    states = runs.states
    companies = runs.first.companies
    people = [row for row in runs.first.people if row["qualification_status"] == "qualified"]
    persona_counts = runs.first.live_persona_counts

    expected = sorted(
        (row for row in companies if row["fit_status"] == "icp_fit" and row["icp_score"] >= 70),
        key=lambda row: (descending(row["icp_score"]), row["company_id"]),
    )[:200]
    accounts = sorted(
        (row for row in states["first"].accounts.values() if row["audience_code"] == "top_accounts"),
        key=lambda row: row["audience_rank"],
    )

    assert [row["company_id"] for row in accounts] == [row["company_id"] for row in expected]
    for account in accounts:
        committee = [row for row in people if row["company_id"] == account["company_id"]]
        covered = {row["persona_code"] for row in committee}
        assert account["committee_size"] == len(committee), account["company_id"]
        assert account["personas_covered"] == len(covered), account["company_id"]
        assert account["committee_personas"] == ("|".join(sorted(covered)) or None), account["company_id"]
        share = Decimal(len(covered)) / persona_counts[account["icp_code"]]
        assert account["committee_coverage"] == share.quantize(Decimal("0.0001")), account["company_id"]

    rank_of_account = {row["company_id"]: row["audience_rank"] for row in accounts}
    expected_members = sorted(
        (row for row in people if row["company_id"] in rank_of_account),
        key=lambda row: (rank_of_account[row["company_id"]], descending(row["persona_score"]), row["person_id"]),
    )
    members = audience_members(states["first"], "top_accounts")
    assert [row["person_id"] for row in members] == [row["person_id"] for row in expected_members]
    assert all(row["motion"] == "abm" for row in members)


def test_inbound_routing(runs):
    states = runs.states
    people = {row["person_id"]: row for row in runs.first.people}
    expected_ids = {
        person_id
        for person_id in runs.first.recently_engaged
        if person_id in people and people[person_id]["qualification_status"] != "no_company"
    }
    members = audience_members(states["first"], "inbound_engaged")

    assert {row["person_id"] for row in members} == expected_ids
    for row in members:
        person = people[row["person_id"]]
        combined = ((person["icp_score"] or Decimal(0)) + (person["persona_score"] or Decimal(0))) / 2
        # The SQL divides in floating point, so a third decimal of 5 may round either way.
        assert abs(row["combined_score"] - combined) <= Decimal("0.01"), row["person_id"]
        queue = "account_executive" if row["combined_score"] >= 70 else "sdr" if row["combined_score"] >= 40 else "nurture"
        assert row["route"] == queue, row["person_id"]
    order = [(descending(row["combined_score"]), descending(row["persona_score"]), descending(row["icp_score"]), row["person_id"]) for row in members]
    assert order == sorted(order)
    assert {row["route"] for row in members} == {"account_executive", "sdr", "nurture"}


def test_first_build_reports_entries(runs):
    states = runs.states
    first = states["first"]

    assert {change["change_type"] for change in first.changes} == {"entered"}
    entered_people = {(c["audience_code"], c["member_id"]) for c in first.changes if c["member_type"] == "person"}
    assert entered_people == {(row["audience_code"], row["person_id"]) for row in first.members.values()}
    run_started = first.changes[0]["changed_at"]
    assert all(row["entered_at"] == run_started for row in first.members.values())


def test_repeat_build_changes_nothing(runs):
    states = runs.states
    first, repeat = states["first"], states["repeat"]

    assert repeat.members == first.members
    assert repeat.accounts == first.accounts
    # The change feed is incremental: a repeated build must append no row.
    assert len(repeat.changes) == len(first.changes)
    assert repeat.changes == first.changes


def test_threshold_change_reports_exits_and_ranks(runs):
    states = runs.states
    before, after = states["repeat"], states["changed"]
    new_changes = changes_between(before, after)
    default_before = {row["person_id"]: row for row in audience_members(before, "default")}
    default_after = {row["person_id"]: row for row in audience_members(after, "default")}

    exits = {c["member_id"]: c for c in new_changes if c["audience_code"] == "default" and c["change_type"] == "exited"}
    below_threshold = {person_id for person_id, row in default_before.items() if row["icp_score"] < 70}
    assert set(exits) == below_threshold | {runs.removed_person_id}
    assert len(below_threshold) > 0
    assert exits[runs.removed_person_id]["reason"] == "the person is no longer in person_fit"
    for person_id, change in exits.items():
        if person_id in below_threshold:
            assert change["reason"].startswith("fails icp_score >= 70 (value "), change["reason"]
        assert change["previous_rank"] == default_before[person_id]["audience_rank"]
        assert change["new_rank"] is None

    reranked = {c["member_id"]: c for c in new_changes if c["audience_code"] == "default" and c["change_type"] == "rank_changed"}
    expected_reranked = {
        person_id for person_id, row in default_after.items() if row["audience_rank"] != default_before[person_id]["audience_rank"]
    }
    assert set(reranked) == expected_reranked
    assert len(reranked) > 0
    for person_id, change in reranked.items():
        assert change["new_rank"] == default_after[person_id]["audience_rank"]
        assert change["reason"].startswith(f"rank {change['previous_rank']} -> {change['new_rank']}")
        # A member who stays keeps the time of entry; only the rank change moves updated_at.
        assert default_after[person_id]["entered_at"] == default_before[person_id]["entered_at"]
        assert default_after[person_id]["updated_at"] > default_before[person_id]["updated_at"]

    unchanged = set(default_after) - set(reranked)
    for person_id in unchanged:
        assert default_after[person_id] == default_before[person_id]


def test_band_change_reroutes_inbound(runs):
    states = runs.states
    before, after = states["repeat"], states["changed"]
    new_changes = changes_between(before, after)
    inbound_before = {row["person_id"]: row for row in audience_members(before, "inbound_engaged")}

    rerouted = {c["member_id"]: c for c in new_changes if c["audience_code"] == "inbound_engaged" and c["change_type"] == "route_changed"}
    # The person removed from the inputs exits instead.
    expected = {person_id for person_id, row in inbound_before.items() if 60 <= row["combined_score"] < 70} - {runs.removed_person_id}
    assert set(rerouted) == expected
    assert len(rerouted) > 0
    for change in rerouted.values():
        assert change["previous_route"] == "sdr"
        assert change["new_route"] == "account_executive"
        assert change["reason"].startswith("route sdr -> account_executive: combined score ")
        assert change["reason"].endswith(" >= 60 of queue account_executive")
    assert all(change["definitions_version"] for change in new_changes)
    assert all(change["run_id"] == new_changes[0]["run_id"] for change in new_changes)


def test_limit_cut_exits_accounts_and_committees(runs):
    states = runs.states
    before, after = states["repeat"], states["changed"]
    new_changes = changes_between(before, after)
    accounts_before = {row["company_id"]: row for row in before.accounts.values() if row["audience_code"] == "top_accounts"}
    committee_before = {row["person_id"]: row for row in audience_members(before, "top_accounts")}

    account_exits = {
        c["member_id"]: c for c in new_changes if c["member_type"] == "company" and c["change_type"] == "exited"
    }
    expected_accounts = {company_id for company_id, row in accounts_before.items() if row["audience_rank"] > 150}
    assert set(account_exits) == expected_accounts
    for company_id, change in account_exits.items():
        assert change["reason"] == f"ranked {accounts_before[company_id]['audience_rank']}, outside the limit of 150"

    committee_exits = {
        c["member_id"]: c for c in new_changes if c["audience_code"] == "top_accounts" and c["member_type"] == "person" and c["change_type"] == "exited"
    }
    left_with_account = {person_id for person_id, row in committee_before.items() if row["company_id"] in expected_accounts}
    assert len(left_with_account) > 0
    assert left_with_account <= set(committee_exits)
    for person_id in left_with_account:
        assert committee_exits[person_id]["reason"].startswith("the account left the audience: ranked "), person_id
    assert len([row for row in after.accounts.values() if row["audience_code"] == "top_accounts"]) == 150


def test_delete_guard_blocks_sync_marts(runs):
    states, statuses = runs.states, runs.guarded_statuses
    changed, guarded = states["changed"], states["guarded"]

    guard_tests = {node: status for node, status in statuses.items() if "audience_delete_guard_int_audiences__members" in node}
    assert list(guard_tests.values()) == ["fail"], guard_tests
    assert statuses["model.gtm_targeting.audience_members"] == "skipped"
    assert statuses["model.gtm_targeting.audience_changes"] == "skipped"
    assert guarded.members == changed.members
    assert guarded.changes == changed.changes


def test_emptied_audience_reports_exits(runs):
    states = runs.states
    before, after = states["guarded"], states["emptied"]
    new_changes = changes_between(before, after)
    former = {row["person_id"] for row in audience_members(before, "default")}

    assert audience_members(after, "default") == []
    exits = [c for c in new_changes if c["audience_code"] == "default"]
    assert {c["member_id"] for c in exits} == former
    assert {c["change_type"] for c in exits} == {"exited"}
    assert all(c["reason"].startswith("fails icp_score >= 101 (value ") for c in exits)


def test_change_keys_unique_across_builds(runs):
    changes = runs.states["emptied"].changes
    keys = [change["change_key"] for change in changes]

    assert len(set(keys)) == len(keys)
    # The first, changed and emptied builds append rows. The repeated and the guarded
    # builds append none.
    assert len({change["run_id"] for change in changes}) == 3


def test_history_follows_builds(runs):
    if runs.project.engine == "spark":
        pytest.skip(NO_SPARK_SNAPSHOTS)
    states = runs.states

    assert states["first"].history_count == len(states["first"].members)
    assert states["repeat"].history_count == states["first"].history_count
    assert runs.guarded_statuses["snapshot.gtm_targeting.audience_members_history"] == "skipped"
    assert states["guarded"].history_count == states["changed"].history_count


def test_history_answers_membership_on_date(runs):
    if runs.project.engine == "spark":
        pytest.skip(NO_SPARK_SNAPSHOTS)
    # Exits end a row at the time the snapshot ran, a little after the run started, so
    # the build 3 state is read at a moment after that build finished.
    project, states, after_changed = runs.project, runs.states, runs.after_changed
    first_at = states["first"].changes[0]["changed_at"]

    def members_at(moment) -> set[str]:
        rows = project.query(
            """
            select person_id from main.audience_members_history
            where audience_code = 'default'
                and dbt_valid_from <= ? and (dbt_valid_to is null or dbt_valid_to > ?)
            """,
            [moment, moment],
        )
        return {row["person_id"] for row in rows}

    assert members_at(first_at) == {row["person_id"] for row in audience_members(states["first"], "default")}
    assert members_at(after_changed) == {row["person_id"] for row in audience_members(states["changed"], "default")}
    assert members_at(datetime.datetime.now() + datetime.timedelta(days=1)) == set()


def test_reader_keeps_old_published_file(runs):
    if runs.reader is None:
        pytest.skip(DUCKDB_ONLY_PUBLISH)
    states, reader = runs.states, runs.reader

    assert len(reader.before) == len(audience_members(states["repeat"], "default"))
    assert reader.during == reader.before
    assert len(reader.fresh) == len(audience_members(states["changed"], "default"))
    assert reader.fresh != reader.before
